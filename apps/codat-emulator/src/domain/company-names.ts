/** Codat strips characters outside `A-Za-z0-9`, whitespace and `- ' , & @ . ? !` instead of rejecting them. */
export function sanitiseCompanyName(name: string): string {
  return name.replace(/[^A-Za-z0-9\s\-',&@.?!]/g, '').trim();
}

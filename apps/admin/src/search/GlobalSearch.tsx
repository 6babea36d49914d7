// Placeholder: being written.
export function GlobalSearch() {
  return null;
}

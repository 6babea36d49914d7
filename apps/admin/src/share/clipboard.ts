/** Puts `text` on the clipboard; throws a message a person can act on when the browser refuses. */
export async function copyText(text: string): Promise<void> {
  if (!navigator.clipboard?.writeText) {
    throw new Error('This browser does not allow the console to copy. Select the text and copy it by hand.');
  }
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    throw new Error('The browser refused to copy (is the console tab focused?). Try again, or select the text and copy it by hand.');
  }
}

/**
 * Codat keeps only `A-Z a-z 0-9 space - ' , & @ . ? !` in company names and silently strips the
 * rest; the console refuses other characters instead and says which ones (the BFF does too).
 */
const ALLOWED_CHARACTER = /[A-Za-z0-9\s\-',&@.?!]/;

export const ALLOWED_NAME_CHARACTERS = "letters A–Z, digits, spaces and - ' , & @ . ? !";

/** The distinct characters of `name` that Codat does not allow, in the order typed. */
export function notAllowedCharacters(name: string): string[] {
  return [...new Set([...name].filter((character) => !ALLOWED_CHARACTER.test(character)))];
}

/** How a character is shown in a message: visible, and named when it is blank or invisible. */
export function showCharacter(character: string): string {
  if (/\s/.test(character) || /\p{C}/u.test(character)) return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return `“${character}”`;
}

export function nameProblem(name: string | null | undefined): string | undefined {
  const value = (name ?? '').trim();
  if (!value) return 'A company name is required.';
  if (value.length > 200) return 'A company name can be at most 200 characters.';
  const bad = notAllowedCharacters(value);
  if (bad.length) return `Not allowed: ${bad.map(showCharacter).join(' ')}. Use only ${ALLOWED_NAME_CHARACTERS}.`;
  return undefined;
}

/** Characters that mean something in Codat's query language; the BFF refuses them in merchant ids. */
const QUERY_CHARACTERS = ['&&', '|', '{', '}', '=', '~', '<', '>', '%'];

export function merchantIdProblem(value: string | null | undefined): string | undefined {
  const text = (value ?? '').trim();
  if (!text) return undefined;
  if (text.length > 100) return 'A merchant id can be at most 100 characters.';
  const found = QUERY_CHARACTERS.filter((sequence) => text.includes(sequence));
  return found.length ? `A merchant id may not contain ${found.map((sequence) => `“${sequence}”`).join(' ')}.` : undefined;
}

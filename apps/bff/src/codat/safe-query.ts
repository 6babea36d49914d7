import { badRequest } from '../http/api-error.js';

/**
 * The one place user text meets Codat's query language (`query=`, `tags=`). Codat documents no
 * escaping, so text that could add a clause is refused instead: `&&`, `|`, braces, the operator
 * characters, and `%` (Codat decodes `%XX` a second time, so `%7C%7C` would become `||`).
 * Queries are then built only from fixed property names, fixed operators and checked values,
 * with spaces around every joiner so a value ending in `&` can never merge into `&&`.
 */

export const MAX_SEARCH_LENGTH = 100;

const FORBIDDEN: readonly { label: string; test: (text: string) => boolean }[] = [
  { label: '&&', test: (text) => text.includes('&&') },
  ...['|', '{', '}', '=', '~', '<', '>', '%'].map((character) => ({
    label: character,
    test: (text: string) => text.includes(character),
  })),
  // eslint-disable-next-line no-control-regex
  { label: 'control characters', test: (text) => /[\u0000-\u001f\u007f]/.test(text) },
];

/** The forbidden sequences found in `text`, in a stable order; empty when it is safe. */
export function forbiddenSearchCharacters(text: string): string[] {
  return FORBIDDEN.filter(({ test }) => test(text)).map(({ label }) => label);
}

/**
 * Trims `raw` and returns it when it is safe to use as a Codat query value; otherwise a 400 that
 * names the characters that are not allowed. `field` names the input in the message.
 */
export function safeSearchText(raw: string, field = 'Search text'): string {
  const text = raw.trim();
  if (text.length > MAX_SEARCH_LENGTH) {
    throw badRequest(`${field} is limited to ${MAX_SEARCH_LENGTH} characters.`, { field });
  }
  const found = forbiddenSearchCharacters(text);
  if (found.length > 0) {
    throw badRequest(
      `${field} may not contain ${found.map((label) => `"${label}"`).join(', ')}: these have a meaning in Codat's query language.`,
      { field, notAllowed: found },
    );
  }
  return text;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

export type Operator = '=' | '!=' | '~';

declare const clauseBrand: unique symbol;
declare const queryBrand: unique symbol;
/** One `property<op>value` clause. */
export type Clause = string & { readonly [clauseBrand]: true };
/** Anything that may be ANDed: a clause, a braced OR group, or an AND chain. */
export type Query = string & { readonly [queryBrand]: true };

const PROPERTY = /^[A-Za-z][\w.]*$/;

function assertSafeValue(value: string): void {
  // Values reach here already checked (safeSearchText, zod enums/patterns); this guards against a
  // future caller that forgets to.
  if (value.trim() === '' || value.trim() !== value || forbiddenSearchCharacters(value).length > 0 || value.length > MAX_SEARCH_LENGTH) {
    throw new Error('Unsafe value passed to the Codat query builder.');
  }
}

/** `property<op>value` for `query=`. `property` is ours, never user text. */
export function clause(property: string, op: Operator, value: string): Clause {
  if (!PROPERTY.test(property)) throw new Error(`Not a Codat query property: ${property}`);
  assertSafeValue(value);
  return `${property}${op}${value}` as Clause;
}

/** OR of clauses. Codat needs braces when OR is mixed with AND, so a group is always braced. */
export function anyOf(first: Clause, ...rest: Clause[]): Clause | Query {
  if (rest.length === 0) return first;
  return `{${[first, ...rest].join(' || ')}}` as Query;
}

/** AND of clauses, groups and chains; undefined parts are skipped, undefined when none is left. */
export function allOf(...parts: (Clause | Query | undefined)[]): Query | undefined {
  const present = parts.filter((part): part is Clause | Query => part !== undefined && part !== '');
  return present.length === 0 ? undefined : (present.join(' && ') as Query);
}

/** A `tags=` filter: `key<op>value` clauses joined by `&&` (the only joiner Codat allows there). */
export function tagFilter(...clauses: { key: string; op: Operator; value: string }[]): string {
  return clauses
    .map(({ key, op, value }) => {
      if (!/^[\w.-]{1,27}$/.test(key)) throw new Error(`Not a tag key the console queries: ${key}`);
      assertSafeValue(value);
      return `${key}${op}${value}`;
    })
    .join(' && ');
}

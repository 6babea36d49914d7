const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** `/companies/{id}/…` in a Codat Portal URL, or `/company/{id}` in a Link URL. */
const COMPANY_IN_URL = new RegExp(`/compan(?:y|ies)/(${UUID})(?:[/?#]|$)`, 'i');
/** Characters with a meaning in Codat's query language: the BFF refuses them (see safe-query.ts). */
const QUERY_CHARACTERS = ['&&', '|', '{', '}', '=', '~', '<', '>', '%'];
const MAX_LENGTH = 100;

export interface ParsedSearch {
  /** What to send as the `q` filter. */
  term: string;
  /** The company id taken from a pasted URL. */
  fromUrl?: string;
  /** Why the text cannot be searched for. */
  problem?: string;
}

/**
 * Search box text → the `q` filter. A pasted Codat Portal or Link URL becomes its company id;
 * text the BFF would refuse is explained before any request is made.
 */
export function parseSearch(raw: string): ParsedSearch {
  const text = raw.trim();
  if (/^https?:\/\//i.test(text) || /^[\w.-]+\.codat\.io\//i.test(text)) {
    const id = COMPANY_IN_URL.exec(text)?.[1]?.toLowerCase();
    if (id) return { term: id, fromUrl: id };
    return { term: '', problem: 'That URL has no company id in it. Paste a Codat Portal company URL, e.g. https://app.codat.io/companies/…/summary.' };
  }
  if (text.length > MAX_LENGTH) return { term: '', problem: `Search text is limited to ${MAX_LENGTH} characters.` };
  const found = QUERY_CHARACTERS.filter((sequence) => text.includes(sequence));
  if (found.length > 0) return { term: '', problem: `Search text may not contain ${found.map((sequence) => `“${sequence}”`).join(' ')}.` };
  return { term: text };
}

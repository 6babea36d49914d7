import type { CompanyTags } from '@console/codat-client';
import { badRequest } from '../../http/api-error.js';
import { MAX_TAGS } from './schemas.js';

/**
 * The full tag set to send: Codat's PUT (and create) keeps only the tags it is given. `patch`
 * sets or (with `null`) removes tags; a `merchantId` given on its own field wins over the same
 * tag in `patch` (react-admin sends both: the edited field and the record's old tags).
 */
export function mergeTags(
  current: CompanyTags | null | undefined,
  patch: Record<string, string | null> | undefined,
  merchantId: { tag: string; value: string | null | undefined },
): CompanyTags {
  const tags: CompanyTags = { ...current };
  for (const [key, value] of Object.entries(patch ?? {})) {
    if (value === null) delete tags[key];
    else tags[key] = value;
  }
  if (merchantId.value === null || merchantId.value === '') delete tags[merchantId.tag];
  else if (merchantId.value !== undefined) tags[merchantId.tag] = merchantId.value;
  if (Object.keys(tags).length > MAX_TAGS) {
    throw badRequest(`A company can have at most ${MAX_TAGS} tags (this would make ${Object.keys(tags).length}).`);
  }
  return tags;
}

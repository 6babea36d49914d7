import { parseCodatDate, type Company } from '@console/codat-client';
import { collectPages } from '../../codat/collect.js';
import { anyOf, clause, tagFilter } from '../../codat/safe-query.js';
import type { BffDeps } from '../../deps.js';
import type { DuplicateCandidate, DuplicateReason } from './schemas.js';
import { compareNames, nameTokens } from './name-similarity.js';
import { toCompanyRecords } from './to-record.js';

/** Companies read per lookup; a name word shared by more companies than this is not distinctive. */
const LOOKUP_LIMIT = 2000;
const CANDIDATES_SHOWN = 20;
const REASON_ORDER: readonly DuplicateReason[] = ['merchantId', 'sameName', 'similarName'];

/**
 * Existing companies that may be the same customer: the same merchant-id tag, or a same or
 * similar name (see name-similarity.ts). Codat is asked for companies whose name contains one of
 * the two longest words of the new name (letters and digits only, so safe in a query); the
 * comparison itself runs here.
 */
export async function findDuplicateCandidates(
  deps: BffDeps,
  input: { name: string; merchantId?: string },
): Promise<DuplicateCandidate[]> {
  const { codat, settings } = deps;
  const words = [...new Set(nameTokens(input.name))].sort((a, b) => b.length - a.length).slice(0, 2);
  const lookups: Promise<Company[]>[] = [];
  if (words.length > 0) {
    const [first, ...rest] = words.map((word) => clause('name', '~', word));
    const query = anyOf(first!, ...rest);
    lookups.push(collectPages(codat.companies.pages({ pageSize: LOOKUP_LIMIT, query }), LOOKUP_LIMIT).then((found) => found.items));
  }
  if (input.merchantId) {
    const tags = tagFilter({ key: settings.merchantIdTag, op: '=', value: input.merchantId });
    lookups.push(collectPages(codat.companies.pages({ pageSize: LOOKUP_LIMIT, tags }), LOOKUP_LIMIT).then((found) => found.items));
  }

  const matches = new Map<string, { company: Company; matchedOn: DuplicateReason[] }>();
  for (const company of (await Promise.all(lookups)).flat()) {
    if (matches.has(company.id)) continue;
    const matchedOn: DuplicateReason[] = [];
    const merchantId = company.tags?.[settings.merchantIdTag];
    if (input.merchantId && merchantId?.toLowerCase() === input.merchantId.toLowerCase()) matchedOn.push('merchantId');
    const byName = compareNames(input.name, company.name);
    if (byName) matchedOn.push(byName);
    if (matchedOn.length > 0) matches.set(company.id, { company, matchedOn });
  }

  const rank = (reasons: DuplicateReason[]) => Math.min(...reasons.map((reason) => REASON_ORDER.indexOf(reason)));
  const createdMs = (company: Company) => parseCodatDate(company.created)?.getTime() ?? Number.MAX_SAFE_INTEGER;
  const ranked = [...matches.values()]
    .sort((a, b) => rank(a.matchedOn) - rank(b.matchedOn) || createdMs(a.company) - createdMs(b.company))
    .slice(0, CANDIDATES_SHOWN);
  const records = await toCompanyRecords(deps, ranked.map((match) => match.company));
  return records.map((record, index) => ({ ...record, matchedOn: ranked[index]!.matchedOn }));
}

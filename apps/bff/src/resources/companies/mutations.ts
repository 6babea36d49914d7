import type { Company } from '@console/codat-client';
import { ApiError, badRequest } from '../../http/api-error.js';
import type { BffDeps } from '../../deps.js';
import type { AuditDraft } from '../../audit/index.js';
import { OPERATION_TAG } from '../../exactly-once/checks.js';
import { mayHaveHappened } from '../../exactly-once/unknown-outcome.js';
import { findDuplicateCandidates } from './duplicates.js';
import { completeReservation, releaseReservation, reservationKeys, reserveCompany, type Reservation } from './reservations.js';
import type { CompanyRecord, CreateCompanyInput, DuplicateCandidate, DuplicateReason, UpdateCompanyInput } from './schemas.js';
import { mergeTags } from './tags.js';
import { toCompanyRecords } from './to-record.js';

async function recordOf(deps: BffDeps, company: Company): Promise<CompanyRecord> {
  const [record] = await toCompanyRecords(deps, [company]);
  return record!;
}

function possibleDuplicate(candidates: DuplicateCandidate[], inFlight: Reservation[]): ApiError {
  const running = [...new Map(inFlight.map((row) => [row.attemptId, row])).values()];
  const parts = [
    candidates.length > 0 && `${candidates.length} existing ${candidates.length === 1 ? 'company looks' : 'companies look'} like the same customer.`,
    running.length > 0 && `A colleague is creating ${running.map((row) => `“${row.companyName}”`).join(', ')} right now (operation ${running.map((row) => row.attemptId).join(', ')}).`,
  ].filter(Boolean);
  return new ApiError(
    409,
    'possible_duplicate',
    `${parts.join(' ')} Share the existing company's Link URL instead, or confirm with a reason (e.g. the customer switched accounting software).`,
    { candidates, inFlight: running.map((row) => ({ companyName: row.companyName, operationId: row.attemptId })) },
  );
}

/** Candidates for the companies that reservations name (made by the console in the last few minutes). */
async function reservedCandidates(deps: BffDeps, reservations: Reservation[]): Promise<DuplicateCandidate[]> {
  const byCompany = new Map<string, DuplicateReason[]>();
  for (const row of reservations) {
    if (!row.companyId) continue;
    const reasons = byCompany.get(row.companyId) ?? [];
    reasons.push(row.key.startsWith('merchant:') ? 'merchantId' : 'sameName');
    byCompany.set(row.companyId, reasons);
  }
  const companies = await Promise.all([...byCompany.keys()].map((id) => deps.codat.companies.get(id)));
  const records = await toCompanyRecords(deps, companies);
  return records.map((record) => ({ ...record, matchedOn: byCompany.get(record.id)! }));
}

/**
 * Creates a company unless it may already exist. The customer's name and merchant id are reserved
 * first (see reservations.ts), so two creations for one customer, on any replicas, cannot both
 * pass the check. Then any candidate (same merchant id, same or similar name) answers 409
 * `possible_duplicate` unless the user confirmed over it: `confirmNewCompany.candidateIds` lists
 * those they saw (without it, the confirmation covers whatever Codat lists, but never a creation
 * still running or made minutes ago). The company carries the operation id in a tag, so an
 * unanswered creation can be found. Never retried: a second company for the same customer can be billed.
 */
export async function createCompany(deps: BffDeps, input: CreateCompanyInput, draft: Pick<AuditDraft, 'attemptId' | 'operationId'>): Promise<CompanyRecord> {
  const tag = deps.settings.merchantIdTag;
  const tags = mergeTags(undefined, { ...input.tags, [OPERATION_TAG]: draft.operationId }, { tag, value: input.merchantId });
  const merchantId = tags[tag];
  const confirmed = input.confirmNewCompany?.candidateIds ?? [];
  const blocking = await reserveCompany(deps.db, {
    keys: reservationKeys(input.name, merchantId),
    attemptId: draft.attemptId,
    companyName: input.name,
    now: new Date(deps.now()),
    confirmedCompanyIds: confirmed,
  });
  if (blocking.length > 0) throw possibleDuplicate(await reservedCandidates(deps, blocking), blocking.filter((row) => !row.companyId));

  let company: Company;
  try {
    if (!input.confirmNewCompany || input.confirmNewCompany.candidateIds) {
      const candidates = (await findDuplicateCandidates(deps, { name: input.name, merchantId })).filter((candidate) => !confirmed.includes(candidate.id));
      if (candidates.length > 0) throw possibleDuplicate(candidates, []);
    }
    company = await deps.codat.companies.create({ name: input.name, description: input.description, tags });
  } catch (error) {
    if (!mayHaveHappened(error)) await releaseReservation(deps.db, draft.attemptId);
    throw error;
  }
  await completeReservation(deps.db, draft.attemptId, company.id);
  if (input.confirmNewCompany) {
    deps.logger.info({ companyId: company.id, reason: input.confirmNewCompany.reason }, 'company created despite possible duplicates');
  }
  return recordOf(deps, company);
}

/** Reads the company and replaces it whole: name, description and the full, merged tag set. */
export async function updateCompany(deps: BffDeps, companyId: string, input: UpdateCompanyInput): Promise<CompanyRecord> {
  if (input.id !== undefined && input.id !== companyId) {
    throw badRequest('The body\'s "id" does not match the company in the path.');
  }
  const current = await deps.codat.companies.get(companyId);
  const tags = mergeTags(current.tags, input.tags, { tag: deps.settings.merchantIdTag, value: input.merchantId });
  const description = input.description === undefined ? (current.description ?? undefined) : (input.description ?? '');
  const company = await deps.codat.companies.replace(companyId, { name: input.name ?? current.name, description, tags });
  return recordOf(deps, company);
}

/** Irreversible in Codat; answers the record as it was, as react-admin expects. */
export async function deleteCompany(deps: BffDeps, companyId: string): Promise<CompanyRecord> {
  const record = await recordOf(deps, await deps.codat.companies.get(companyId));
  await deps.codat.companies.delete(companyId);
  return record;
}

import type { Company } from '@console/codat-client';
import { ApiError, badRequest } from '../../http/api-error.js';
import type { BffDeps } from '../../deps.js';
import { findDuplicateCandidates } from './duplicates.js';
import type { CompanyRecord, CreateCompanyInput, UpdateCompanyInput } from './schemas.js';
import { mergeTags } from './tags.js';
import { toCompanyRecords } from './to-record.js';

async function recordOf(deps: BffDeps, company: Company): Promise<CompanyRecord> {
  const [record] = await toCompanyRecords(deps, [company]);
  return record!;
}

/**
 * Creates a company unless it may already exist: without `confirmNewCompany` any candidate
 * (same merchant id, same or similar name) answers 409 `possible_duplicate` and nothing is
 * created. Never retried: a second company for the same customer can be billed.
 */
export async function createCompany(deps: BffDeps, input: CreateCompanyInput): Promise<CompanyRecord> {
  const tag = deps.settings.merchantIdTag;
  const tags = mergeTags(undefined, input.tags, { tag, value: input.merchantId });
  const merchantId = tags[tag];
  if (!input.confirmNewCompany) {
    const candidates = await findDuplicateCandidates(deps, { name: input.name, merchantId });
    if (candidates.length > 0) {
      throw new ApiError(
        409,
        'possible_duplicate',
        `${candidates.length} existing ${candidates.length === 1 ? 'company looks' : 'companies look'} like the same customer. ` +
          'Share the existing company\'s Link URL instead, or confirm with a reason (e.g. the customer switched accounting software).',
        { candidates },
      );
    }
  }
  const company = await deps.codat.companies.create({
    name: input.name,
    description: input.description,
    tags: Object.keys(tags).length > 0 ? tags : undefined,
  });
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

import { CONNECTION_STATUSES } from '@console/codat-client';
import { z } from 'zod';
import { PLATFORM_KEY_PATTERN } from '../../codat/platforms.js';
import { forbiddenSearchCharacters, MAX_SEARCH_LENGTH } from '../../codat/safe-query.js';
import { idsFilter } from '../../http/request-input.js';
import { uuid } from '../../http/params.js';
import { freeText, singleLine } from '../../http/text.js';
import { connectionRecordSchema } from '../connections/schemas.js';

/** A connection status, or `NoConnections` for companies without any. */
export const COMPANY_STATUS_FILTERS = [...CONNECTION_STATUSES, 'NoConnections'] as const;
export const COMPANY_SORT_FIELDS = ['id', 'name', 'created', 'lastSync'] as const;
export type CompanySortField = (typeof COMPANY_SORT_FIELDS)[number];

export const companyFilterSchema = z.strictObject({
  /** Name, description, company id, connection id or merchant id; checked by safeSearchText. */
  q: z.string().optional(),
  status: z.enum(COMPANY_STATUS_FILTERS).optional(),
  platform: z.string().regex(PLATFORM_KEY_PATTERN, 'a platform key is four lower-case letters').optional(),
  id: idsFilter(uuid).optional(),
});
export type CompanyFilter = z.infer<typeof companyFilterSchema>;

const ALLOWED_NAME = /^[A-Za-z0-9 \-',&@.?!]+$/;
const NAME_CHARACTER = /[A-Za-z0-9 \-',&@.?!]/;

/** Codat silently strips other characters; the console refuses them and says which. */
export const companyNameSchema = z
  .string()
  .trim()
  .min(1, 'a company name is required')
  .max(200)
  .superRefine((name, ctx) => {
    if (name === '' || ALLOWED_NAME.test(name)) return;
    const offending = [...new Set([...name].filter((character) => !NAME_CHARACTER.test(character)))];
    ctx.addIssue({
      code: 'custom',
      message: `company names may only contain letters, digits, spaces and - ' , & @ . ? ! (not allowed: ${offending.map((c) => JSON.stringify(c)).join(' ')})`,
    });
  })
  .meta({ pattern: ALLOWED_NAME.source, description: "Letters, digits, spaces and - ' , & @ . ? ! (what Codat keeps)." });

/** Also used in Codat `tags=` filters (duplicate check), so held to the query-safety rule. */
export const merchantIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_SEARCH_LENGTH)
  .superRefine((value, ctx) => {
    const found = forbiddenSearchCharacters(value);
    if (found.length > 0) ctx.addIssue({ code: 'custom', message: `may not contain ${found.map((f) => `"${f}"`).join(', ')}` });
  });

const tagKey = singleLine(z.string().min(1).max(27));
const tagValue = singleLine(z.string().max(100));
const description = freeText(z.string().max(1000));
export const MAX_TAGS = 10;

export const createCompanySchema = z.strictObject({
  name: companyNameSchema,
  merchantId: merchantIdSchema.optional(),
  description: description.optional(),
  tags: z.record(tagKey, tagValue).optional(),
  /** Required to go ahead when possible duplicates exist; the reason is kept for the audit log. */
  confirmNewCompany: z
    .strictObject({
      reason: freeText(z.string().trim().min(5, 'say why (at least 5 characters)').max(500)),
      /** The candidates the user saw: a company not among them (say, one a colleague just made) is shown again. */
      candidateIds: z.array(uuid).max(100).optional(),
    })
    .optional(),
});
export type CreateCompanyInput = z.infer<typeof createCompanySchema>;


export const platformSummarySchema = z.object({
  connectionId: z.string(),
  /** Null only when Codat sent neither the key nor a known integration id. */
  key: z.string().nullable(),
  name: z.string(),
  status: z.string(),
  sourceType: z.string(),
  /** Source accounts can be managed on it (a bank-feed platform). */
  bankFeed: z.boolean(),
});

/** What the SPA gets for a company. Never the `redirect` or any `linkUrl`: see actions/link-urls.ts. */
export const companyRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  merchantId: z.string().nullable(),
  tags: z.record(z.string(), z.string()),
  /** Codat's original string. */
  created: z.string().nullable(),
  lastSync: z.string().nullable(),
  /** A Link URL can be fetched with POST /companies/{id}/link-url. */
  redirectAvailable: z.literal(true),
  platforms: z.array(platformSummarySchema),
  connectionCount: z.number(),
  activeErrorCount: z.number(),
});
export type CompanyRecord = z.infer<typeof companyRecordSchema>;

/**
 * react-admin's update sends the whole edited record, so the record's read-only fields are
 * accepted and ignored; any other field is refused. `tags` patches the current tags (`null`
 * removes one); `merchantId` `null` or `""` removes the merchant tag.
 */
export const updateCompanySchema = companyRecordSchema
  .partial()
  .extend({
    id: uuid.optional(),
    name: companyNameSchema.optional(),
    description: description.nullable().optional(),
    merchantId: z.union([merchantIdSchema, z.literal(''), z.null()]).optional(),
    tags: z.record(tagKey, tagValue.nullable()).optional(),
  })
  .strict();
export type UpdateCompanyInput = z.infer<typeof updateCompanySchema>;
/** `GET /companies/{id}?live=true`: Codat's company now, with its connections (one Codat call answers both). */
export const liveCompanyRecordSchema = companyRecordSchema.extend({ connections: z.array(connectionRecordSchema) });
export type LiveCompanyRecord = z.infer<typeof liveCompanyRecordSchema>;

/** `live=true` reads Codat; without it the mirror answers once it holds the company. */
export const companyReadQuerySchema = z.strictObject({ live: z.literal('true').optional() });

export const DUPLICATE_REASONS = ['merchantId', 'sameName', 'similarName'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export const duplicateCandidateSchema = companyRecordSchema.extend({ matchedOn: z.array(z.enum(DUPLICATE_REASONS)) });
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

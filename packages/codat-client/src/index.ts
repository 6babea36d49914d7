export { createCodatClient, type CodatClient, type CodatClientOptions } from './client.js';
export {
  CodatError,
  isCodatError,
  type CodatErrorInit,
  type CodatErrorKind,
  type CodatValidationItem,
} from './errors.js';
export { parseCodatDate } from './dates.js';
export type { CodatClientObserver, RateLimitSnapshot } from './transport/types.js';
export { DEFAULT_RETRY, type RetryOptions } from './transport/retry-policy.js';
export type { ListParams } from './operations/paging.js';
export type { CompanyListParams } from './operations/companies.js';
export type { SourceAccountBatch } from './operations/source-accounts.js';

export { codatDate, openEnum, pageOf, type Page } from './schemas/common.js';
export * from './schemas/companies.js';
export * from './schemas/connections.js';
export * from './schemas/integrations.js';
export * from './schemas/data.js';
export * from './schemas/bank-feeds.js';
export type * from './schemas/bank-feed-inputs.js';

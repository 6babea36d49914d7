/**
 * Managed only through the company page's Bank feeds panel (CompanyBankFeedsPanel.tsx, loaded
 * lazily by `companies`); no screen of its own. Components are not re-exported here.
 */
export const sourceAccounts = { name: 'source-accounts' };
export type { SourceAccountRecord } from './types';

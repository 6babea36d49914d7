import { lazyScreen } from '../../ui/lazyScreen';

/**
 * The Data, Bank feeds, History and Timeline tabs, each in its own chunk. Declared outside the
 * company page's chunk (index.ts exports them), so opening a company fetches their code with the page's.
 */
export const CompanyDataPanel = lazyScreen('companies', () => import('../data-status/CompanyDataPanel').then((module) => ({ default: module.CompanyDataPanel })));
export const CompanyBankFeedsPanel = lazyScreen('companies', () =>
  import('../source-accounts/CompanyBankFeedsPanel').then((module) => ({ default: module.CompanyBankFeedsPanel })),
);
export const CompanyHistoryPanel = lazyScreen('companies', () =>
  import('../audit-events/CompanyHistoryPanel').then((module) => ({ default: module.CompanyHistoryPanel })),
);
export const CompanyTimelinePanel = lazyScreen('companies', () => import('./CompanyTimelinePanel').then((module) => ({ default: module.CompanyTimelinePanel })));

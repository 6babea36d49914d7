import { lazyScreen } from '../../ui/lazyScreen';

/** The Data, Bank feeds and History tabs: other resources' panels, each in its own chunk. */
export const CompanyDataPanel = lazyScreen('companies', () => import('../data-status/CompanyDataPanel').then((module) => ({ default: module.CompanyDataPanel })));
export const CompanyBankFeedsPanel = lazyScreen('companies', () =>
  import('../source-accounts/CompanyBankFeedsPanel').then((module) => ({ default: module.CompanyBankFeedsPanel })),
);
export const CompanyHistoryPanel = lazyScreen('companies', () =>
  import('../audit-events/CompanyHistoryPanel').then((module) => ({ default: module.CompanyHistoryPanel })),
);

import { lazy } from 'react';

/** The Data, Bank feeds and History tabs: other resources' panels, each in its own chunk. */
export const CompanyDataPanel = lazy(() => import('../data-status/CompanyDataPanel').then((module) => ({ default: module.CompanyDataPanel })));
export const CompanyBankFeedsPanel = lazy(() =>
  import('../source-accounts/CompanyBankFeedsPanel').then((module) => ({ default: module.CompanyBankFeedsPanel })),
);
export const CompanyHistoryPanel = lazy(() =>
  import('../audit-events/CompanyHistoryPanel').then((module) => ({ default: module.CompanyHistoryPanel })),
);

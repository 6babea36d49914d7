import { Box, Tab, Tabs } from '@mui/material';
import { Suspense, type ReactNode } from 'react';
import { Link, useCreatePath, useLocation } from 'react-admin';
import { Loading } from '../../ui/ListStates';
import { ConnectionsTab } from '../connections/ConnectionsTab';
import { CompanyBankFeedsPanel, CompanyDataPanel, CompanyHistoryPanel, CompanyTimelinePanel } from './index';
import { CompanyOverview } from './CompanyOverview';
import type { CompanyRecord } from './types';

interface CompanyTab {
  /** URL segment after /companies/:id/show; '' is the overview. */
  path: string;
  label: string;
  /** The company is undefined until the mirror (or Codat) answers; tabs that need only the id start at once. */
  render: (companyId: string, company: CompanyRecord | undefined) => ReactNode;
}

const TABS: CompanyTab[] = [
  { path: '', label: 'Overview', render: (_, company) => (company ? <CompanyOverview company={company} /> : <Loading label="Loading the company…" />) },
  { path: 'connections', label: 'Connections', render: (companyId, company) => <ConnectionsTab companyId={companyId} company={company} /> },
  { path: 'data', label: 'Data', render: (companyId) => <CompanyDataPanel companyId={companyId} /> },
  { path: 'bank-feeds', label: 'Bank feeds', render: (companyId) => <CompanyBankFeedsPanel companyId={companyId} /> },
  { path: 'history', label: 'History', render: (companyId) => <CompanyHistoryPanel companyId={companyId} /> },
  { path: 'timeline', label: 'Timeline', render: (companyId) => <CompanyTimelinePanel companyId={companyId} /> },
];

const tabId = (path: string) => `company-tab-${path || 'overview'}`;

/** The section the URL shows: '' (overview), 'connections', 'data', … */
export function useCompanyTab(companyId: string): CompanyTab {
  const createPath = useCreatePath();
  const { pathname } = useLocation();
  const base = createPath({ resource: 'companies', id: companyId, type: 'show' });
  const segment = decodeURIComponent(pathname).slice(decodeURIComponent(base).length).split('/').filter(Boolean)[0] ?? '';
  return TABS.find((tab) => tab.path === segment) ?? TABS[0]!;
}

/** The company page's sections, one URL each (/companies/:id/show/connections) so they can be linked. */
export function CompanyTabs({ companyId, company }: { companyId: string; company: CompanyRecord | undefined }) {
  const current = useCompanyTab(companyId);
  const base = useCreatePath()({ resource: 'companies', id: companyId, type: 'show' });
  const label = (tab: CompanyTab) => (tab.path === 'connections' && company ? `Connections (${company.connectionCount})` : tab.label);

  return (
    <>
      <Tabs value={current.path} aria-label="Company sections" variant="scrollable" allowScrollButtonsMobile>
        {TABS.map((tab) => (
          <Tab
            key={tab.path}
            value={tab.path}
            label={label(tab)}
            id={tabId(tab.path)}
            aria-controls="company-tabpanel"
            component={Link}
            to={tab.path ? `${base}/${tab.path}` : base}
          />
        ))}
      </Tabs>
      <Box role="tabpanel" id="company-tabpanel" aria-labelledby={tabId(current.path)} sx={{ p: 2, borderTop: 1, borderColor: 'divider' }}>
        <Suspense fallback={<Loading label={`Loading ${current.label.toLowerCase()}…`} />}>{current.render(companyId, company)}</Suspense>
      </Box>
    </>
  );
}

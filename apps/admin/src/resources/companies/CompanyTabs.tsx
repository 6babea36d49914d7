import { Box, Tab, Tabs } from '@mui/material';
import { Suspense, lazy, type ReactNode } from 'react';
import { Link, useCreatePath, useLocation } from 'react-admin';
import { Loading } from '../../ui/ListStates';
import { ConnectionsTab } from '../connections/ConnectionsTab';
import { CompanyBankFeedsPanel, CompanyDataPanel, CompanyHistoryPanel } from './companyPanels';
import { CompanyOverview } from './CompanyOverview';
import type { CompanyRecord } from './types';

interface CompanyTab {
  /** URL segment after /companies/:id/show; '' is the overview. */
  path: string;
  label: string;
  render: (company: CompanyRecord) => ReactNode;
}

/** The mirror's timeline (issue 6), in its own chunk. */
const CompanyTimelinePanel = lazy(() => import('./CompanyTimelinePanel').then((module) => ({ default: module.CompanyTimelinePanel })));

const TABS: CompanyTab[] = [
  { path: '', label: 'Overview', render: (company) => <CompanyOverview company={company} /> },
  { path: 'connections', label: 'Connections', render: (company) => <ConnectionsTab company={company} /> },
  { path: 'data', label: 'Data', render: (company) => <CompanyDataPanel companyId={company.id} /> },
  { path: 'bank-feeds', label: 'Bank feeds', render: (company) => <CompanyBankFeedsPanel companyId={company.id} /> },
  { path: 'history', label: 'History', render: (company) => <CompanyHistoryPanel companyId={company.id} /> },
  { path: 'timeline', label: 'Timeline', render: (company) => <CompanyTimelinePanel companyId={company.id} /> },
];

const tabId = (path: string) => `company-tab-${path || 'overview'}`;

/** The section the URL shows: '' (overview), 'connections', 'data', … */
export function useCompanyTab(company: CompanyRecord): CompanyTab {
  const createPath = useCreatePath();
  const { pathname } = useLocation();
  const base = createPath({ resource: 'companies', id: company.id, type: 'show' });
  const segment = decodeURIComponent(pathname).slice(decodeURIComponent(base).length).split('/').filter(Boolean)[0] ?? '';
  return TABS.find((tab) => tab.path === segment) ?? TABS[0]!;
}

/** The company page's sections, one URL each (/companies/:id/show/connections) so they can be linked. */
export function CompanyTabs({ company }: { company: CompanyRecord }) {
  const current = useCompanyTab(company);
  const base = useCreatePath()({ resource: 'companies', id: company.id, type: 'show' });
  const label = (tab: CompanyTab) => (tab.path === 'connections' ? `Connections (${company.connectionCount})` : tab.label);

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
        <Suspense fallback={<Loading label={`Loading ${current.label.toLowerCase()}…`} />}>{current.render(company)}</Suspense>
      </Box>
    </>
  );
}

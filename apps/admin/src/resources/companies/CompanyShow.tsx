import { Box, Card } from '@mui/material';
import { Link, Show, useCanAccess, useRecordContext, useShowContext } from 'react-admin';
import { SharePanel } from '../../share/SharePanel';
import { Loading, RequestError } from '../../ui/ListStates';
import { CompanyHeader } from './CompanyHeader';
import { CompanyTabs, useCompanyTab } from './CompanyTabs';
import type { CompanyRecord } from './types';

function CompanyPage() {
  const company = useRecordContext<CompanyRecord>();
  const { canAccess: canShare } = useCanAccess({ resource: 'links', action: 'reveal' });
  if (!company) return null;
  return <CompanyLayout company={company} canShare={canShare === true} />;
}

/** Sharing happens on the overview and the connections: the Share panel sits beside them, and other tabs get the full width for their tables. */
const SHARING_TABS = new Set(['', 'connections']);

function CompanyLayout({ company, canShare }: { company: CompanyRecord; canShare: boolean }) {
  const sharing = canShare && SHARING_TABS.has(useCompanyTab(company).path);
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        mt: 1,
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: sharing ? 'minmax(0, 2fr) minmax(320px, 1fr)' : 'minmax(0, 1fr)' },
        alignItems: 'start',
      }}
    >
      <Card variant="outlined">
        <CompanyHeader company={company} />
        <CompanyTabs company={company} />
      </Card>
      {sharing && <SharePanel company={company} />}
    </Box>
  );
}

/** The app bar's title: the company's name. */
function CompanyTitle() {
  const company = useRecordContext<CompanyRecord>();
  return <>{company?.name ?? 'Company'}</>;
}

function CompanyLoadError() {
  const { error, refetch } = useShowContext();
  return (
    <Box sx={{ mt: 2 }}>
      <RequestError title="The company could not be loaded" error={error} onRetry={() => void refetch()} />
      <Box sx={{ mt: 2 }}>
        <Link to="/companies">Back to the companies</Link>
      </Box>
    </Box>
  );
}

/** The company page: overview, Share panel, connections, data, bank feeds and history. */
export function CompanyShow() {
  return (
    <Show
      component="div"
      actions={false}
      title={<CompanyTitle />}
      error={<CompanyLoadError />}
      // Shown on the page with its request id, instead of react-admin's "does not exist" toast.
      queryOptions={{ onError: () => undefined }} loading={<Loading label="Loading the company…" />}>
      <CompanyPage />
    </Show>
  );
}

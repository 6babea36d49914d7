import { Box, Card } from '@mui/material';
import { Link, Title, useCanAccess, useGetRecordId } from 'react-admin';
import { SharePanel } from '../../share/SharePanel';
import { Loading, RequestError } from '../../ui/ListStates';
import { CompanyHeader } from './CompanyHeader';
import { CompanyTabs, useCompanyTab } from './CompanyTabs';
import { useLiveCompany, useMirrorCompany } from './useCompany';

function CompanyLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Box sx={{ mt: 2 }}>
      <RequestError title="The company could not be loaded" error={error} onRetry={onRetry} />
      <Box sx={{ mt: 2 }}>
        <Link to="/companies">Back to the companies</Link>
      </Box>
    </Box>
  );
}

const isNotFound = (error: unknown) => (error as { status?: number } | null)?.status === 404;

/** Sharing happens on the overview and the connections: the Share panel sits beside them, and other tabs get the full width for their tables. */
const SHARING_TABS = new Set(['', 'connections']);

/**
 * The company page: overview, Share panel, connections, data, bank feeds and history. Every tab
 * starts its own requests from the id in the URL at once; the header shows the mirror's copy of
 * the company until Codat's (read with the connections) confirms it.
 */
export function CompanyShow() {
  const companyId = String(useGetRecordId());
  const mirror = useMirrorCompany(companyId);
  const live = useLiveCompany(companyId);
  const { canAccess: canShare } = useCanAccess({ resource: 'links', action: 'reveal' });
  // An edit made here updates the mirror's copy (react-admin's getOne cache): the newer of the two is shown.
  const company = live.data && (!mirror.data || live.dataUpdatedAt >= mirror.dataUpdatedAt) ? live.data : (mirror.data ?? live.data);
  const tab = useCompanyTab(companyId);
  const sharing = canShare === true && SHARING_TABS.has(tab.path);
  // Codat saying the company is gone outranks the mirror's copy of it.
  const error = isNotFound(live.error) ? live.error : company ? undefined : (mirror.error ?? live.error);
  if (error) {
    const retry = () => void Promise.all([mirror.refetch(), live.refetch()]);
    return <CompanyLoadError error={error} onRetry={retry} />;
  }

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
      <Title title={company?.name ?? 'Company'} />
      <Card variant="outlined">
        {company ? <CompanyHeader company={company} codat={live.data ? 'confirmed' : live.error ? 'unavailable' : 'checking'} /> : <Loading label="Loading the company…" />}
        <CompanyTabs companyId={companyId} company={company} />
      </Card>
      {sharing && company && <SharePanel company={company} />}
    </Box>
  );
}

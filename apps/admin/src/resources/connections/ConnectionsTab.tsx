import AddLinkIcon from '@mui/icons-material/AddLink';
import { Button, Stack, Typography } from '@mui/material';
import { lazy, Suspense, useState } from 'react';
import { useCanAccess } from 'react-admin';
import { Empty, Loading, RequestError } from '../../ui/ListStates';
import type { CompanyRecord } from '../companies/types';
import { useIntegrations } from '../integrations/useIntegrations';
import { ConnectionItem } from './ConnectionItem';
import { useCompanyConnections } from './useCompanyConnections';

const NewConnectionDialog = lazy(() => import('./NewConnectionDialog').then((module) => ({ default: module.NewConnectionDialog })));

/** The company's connections with their errors; "New connection" for roles that may create one. */
export function ConnectionsTab({ companyId, company }: { companyId: string; company: CompanyRecord | undefined }) {
  const { data: connections, isPending, error, refetch } = useCompanyConnections(companyId);
  const { byKey } = useIntegrations();
  const { canAccess: canCreate } = useCanAccess({ resource: 'connections', action: 'create' });
  const [creating, setCreating] = useState(false);

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h6" component="h2">
          Connections
        </Typography>
        {canCreate && company && (
          <Button variant="outlined" startIcon={<AddLinkIcon />} onClick={() => setCreating(true)}>
            New connection
          </Button>
        )}
      </Stack>
      {isPending && <Loading label="Loading connections…" />}
      {error != null && <RequestError title="The connections could not be loaded" error={error} onRetry={() => void refetch()} />}
      {connections?.length === 0 && (
        <Empty>No connections yet. Share the Company Link URL so the customer can connect, or create one with New connection.</Empty>
      )}
      {connections?.map((connection) => (
        <ConnectionItem key={connection.id} connection={connection} logoUrl={connection.platformKey ? byKey.get(connection.platformKey)?.logoUrl : undefined} />
      ))}
      {creating && company && (
        <Suspense fallback={null}>
          <NewConnectionDialog company={company} existing={connections ?? []} onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </Stack>
  );
}

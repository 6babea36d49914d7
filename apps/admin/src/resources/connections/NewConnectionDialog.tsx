import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useId, useState } from 'react';
import { useCreate, useRefresh } from 'react-admin';
import { Loading, RequestError } from '../../ui/ListStates';
import type { CompanyRecord } from '../companies/types';
import { useIntegrations } from '../integrations/useIntegrations';
import { IntegrationPicker } from './IntegrationPicker';
import { NewConnectionLink } from './NewConnectionLink';
import { statusStyle } from './StatusPill';
import type { ConnectionRecord } from './types';

export interface NewConnectionDialogProps {
  company: CompanyRecord;
  existing: ConnectionRecord[];
  onClose: () => void;
}

/** Pick an integration, create a PendingAuth connection, then copy its link for the customer. */
export function NewConnectionDialog({ company, existing, onClose }: NewConnectionDialogProps) {
  const titleId = useId();
  const { integrations, byKey, isPending, error, refetch } = useIntegrations();
  const [platformKey, setPlatformKey] = useState<string>();
  const [created, setCreated] = useState<ConnectionRecord>();
  const [failure, setFailure] = useState<unknown>();
  const [create, { isPending: creating }] = useCreate<ConnectionRecord>();
  const refresh = useRefresh();
  const selected = platformKey ? byKey.get(platformKey) : undefined;
  const sameKind = existing.filter((connection) => connection.platformKey === platformKey);

  const submit = () => {
    if (!platformKey) return;
    setFailure(undefined);
    create(
      'connections',
      { data: { companyId: company.id, platformKey } },
      {
        onSuccess: (connection) => {
          setCreated(connection);
          refresh();
        },
        onError: setFailure,
      },
    );
  };

  return (
    <Dialog open onClose={creating ? undefined : onClose} aria-labelledby={titleId} maxWidth="md" fullWidth scroll="paper">
      <DialogTitle id={titleId}>{created ? `${created.platformName} connection created` : `New connection for ${company.name}`}</DialogTitle>
      <DialogContent dividers>
        {created ? (
          <NewConnectionLink connection={created} />
        ) : (
          <>
            {isPending && <Loading label="Loading integrations…" />}
            {error != null && <RequestError title="The integrations could not be loaded" error={error} onRetry={() => void refetch()} />}
            {!isPending && !error && <IntegrationPicker integrations={integrations} value={platformKey} onChange={setPlatformKey} />}
          </>
        )}
        {!created && sameKind.length > 0 && selected && (
          <Alert severity="warning" sx={{ mt: 2 }}>
            {company.name} already has a {selected.name} connection ({sameKind.map((connection) => statusStyle(connection.status).label).join(', ')}).
            A second one may be billed again: to reconnect, share the existing connection&apos;s link or the Company Link URL instead.
          </Alert>
        )}
        {failure !== undefined && (
          <Box sx={{ mt: 2 }}>
            <RequestError error={failure} />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        {created ? (
          <Button variant="contained" onClick={onClose}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={creating}>
              Cancel
            </Button>
            <Button variant="contained" disabled={!selected} loading={creating} onClick={submit}>
              {selected ? `Create ${selected.name} connection` : 'Create connection'}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}

import { Alert, Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { useGetList } from 'react-admin';
import { Empty, Loading, RequestError } from '../../ui/ListStates';
import { BatchCreateDialog } from './BatchCreateDialog';
import { CreateSourceAccountDialog } from './CreateSourceAccountDialog';
import { DeleteSourceAccountDialog } from './DeleteSourceAccountDialog';
import { EditSourceAccountDialog } from './EditSourceAccountDialog';
import { SourceAccountsTable } from './SourceAccountsTable';
import type { SourceAccountRecord } from './types';
import type { Revealer } from './useRevealedNumbers';

export interface BankFeedConnectionRecord {
  id: string;
  companyId: string;
  connectionId: string;
  platformName: string;
  status: string;
}

type OpenDialog = { kind: 'create' } | { kind: 'batch' } | { kind: 'edit'; record: SourceAccountRecord } | { kind: 'delete'; record: SourceAccountRecord };

/** One bank-feed connection: its source accounts and, for roles that may, what can be done to them. */
export function BankFeedConnection({ connection, canWrite, revealer }: { connection: BankFeedConnectionRecord; canWrite: boolean; revealer: Revealer }) {
  const { companyId, connectionId, platformName } = connection;
  const { data, isPending, error, refetch } = useGetList<SourceAccountRecord>(
    'source-accounts',
    { filter: { companyId, connectionId }, pagination: { page: 1, perPage: 100 }, sort: { field: 'accountName', order: 'ASC' } },
    { retry: false },
  );
  const [dialog, setDialog] = useState<OpenDialog>();
  const [done, setDone] = useState<string>();
  const headingId = useId();
  const knownVersion = data?.[0]?.version;

  const changed = (message: string) => {
    setDone(message);
    void refetch();
  };
  const finished = (message: string) => {
    setDialog(undefined);
    changed(message);
  };
  const dialogProps = { companyId, connectionId, connectionName: platformName, knownVersion, onClose: () => setDialog(undefined), onCreated: finished };
  const revealFailed = revealer.failure && data?.some((r) => r.id === revealer.failure?.id);

  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 2, display: 'grid', gap: 1.5 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography id={headingId} variant="subtitle1" component="h3">
          {platformName}
        </Typography>
        <Chip size="small" variant="outlined" label={`Connection ${connection.status}`} />
        <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
          {connectionId}
        </Typography>
        {canWrite && (
          <Box sx={{ ml: 'auto', display: 'flex', gap: 1 }}>
            <Button variant="outlined" size="small" onClick={() => setDialog({ kind: 'create' })}>
              Add source account
            </Button>
            <Button variant="outlined" size="small" onClick={() => setDialog({ kind: 'batch' })}>
              Add several at once
            </Button>
          </Box>
        )}
      </Stack>
      <Box aria-live="polite">
        {done && (
          <Alert severity="success" role="none" onClose={() => setDone(undefined)}>
            {done}
          </Alert>
        )}
      </Box>
      {revealFailed && <RequestError title="The account number could not be revealed" error={revealer.failure?.error} />}
      {isPending ? (
        <Loading label={`Loading source accounts of ${platformName}…`} />
      ) : error ? (
        <RequestError title={`Could not load the source accounts of ${platformName}`} error={error} onRetry={() => void refetch()} />
      ) : !data || data.length === 0 ? (
        <Empty>
          No source accounts on this connection yet.{' '}
          {canWrite ? 'Add the bank accounts to feed; each stays pending until the customer maps it.' : 'Support or an admin can add them.'}
        </Empty>
      ) : (
        <SourceAccountsTable
          records={data}
          label={`Source accounts of ${platformName}`}
          revealer={revealer}
          canWrite={canWrite}
          onEdit={(record) => setDialog({ kind: 'edit', record })}
          onDelete={(record) => setDialog({ kind: 'delete', record })}
        />
      )}
      {dialog?.kind === 'create' && <CreateSourceAccountDialog {...dialogProps} />}
      {dialog?.kind === 'batch' && <BatchCreateDialog {...dialogProps} onCreated={changed} />}
      {dialog?.kind === 'edit' && <EditSourceAccountDialog record={dialog.record} onClose={() => setDialog(undefined)} onSaved={finished} />}
      {dialog?.kind === 'delete' && <DeleteSourceAccountDialog record={dialog.record} onClose={() => setDialog(undefined)} onDeleted={finished} />}
    </Paper>
  );
}

import DeleteIcon from '@mui/icons-material/Delete';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import { Button, DialogContentText, Stack } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { ConfirmActionDialog } from './ConfirmActionDialog';
import type { ConnectionRecord } from './types';

/** Unlink (support, admin; Linked connections only) and delete (admin), each behind a dialog that says what happens. */
export function ConnectionActions({ connection }: { connection: ConnectionRecord }) {
  const { canAccess: canUnlink } = useCanAccess({ resource: 'connections', action: 'unlink' });
  const { canAccess: canDelete } = useCanAccess({ resource: 'connections', action: 'delete' });
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState<'unlink' | 'delete'>();
  const name = connection.platformName;
  const showUnlink = canUnlink && connection.status === 'Linked';
  if (!showUnlink && !canDelete) return null;

  const unlink = async () => {
    await dataProvider.unlinkConnection(connection.id);
    notify(`Unlinked ${name}. Its data is kept; the customer can relink it.`, { type: 'success' });
    refresh();
  };
  const remove = async () => {
    await dataProvider.delete('connections', { id: connection.id, previousData: connection });
    notify(`Deleted the ${name} connection and its data.`, { type: 'success' });
    refresh();
  };

  return (
    <Stack direction="row" spacing={1}>
      {showUnlink && (
        <Button size="small" startIcon={<LinkOffIcon />} onClick={() => setOpen('unlink')}>
          Unlink
        </Button>
      )}
      {canDelete && (
        <Button size="small" color="error" startIcon={<DeleteIcon />} onClick={() => setOpen('delete')}>
          Delete
        </Button>
      )}
      <ConfirmActionDialog
        open={open === 'unlink'}
        title={`Unlink ${name}?`}
        confirmLabel="Unlink"
        onConfirm={unlink}
        onClose={() => setOpen(undefined)}
      >
        <DialogContentText>
          Codat stops syncing this connection and marks it Unlinked. Its data is kept, and the customer can relink it later with a
          Link URL, without a new connection.
        </DialogContentText>
      </ConfirmActionDialog>
      <ConfirmActionDialog
        open={open === 'delete'}
        title={`Delete the ${name} connection?`}
        confirmLabel="Delete connection"
        color="error"
        onConfirm={remove}
        onClose={() => setOpen(undefined)}
      >
        <DialogContentText>
          This removes the connection and all the data synced through it from Codat, for good: it cannot be undone. To stop syncing
          but keep the data, unlink it instead.
        </DialogContentText>
      </ConfirmActionDialog>
    </Stack>
  );
}

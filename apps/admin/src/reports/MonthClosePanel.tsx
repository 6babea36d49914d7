import { Alert, Box, Button, MenuItem, TextField, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useCanAccess } from 'react-admin';
import { httpClient } from '../providers/httpClient';
import { formatDateTime } from '../ui/format';
import { RequestError } from '../ui/ListStates';
import { ExportLink } from './ExportLink';
import { uploadInvoiceIds } from './invoiceUpload';
import { formatMonth } from './month';
import { ReconciliationView } from './ReconciliationView';
import { reportPaths, ruleQuery } from './reportParams';
import type { FinanceMonth } from './types';
import { useApiQuery } from './useApiQuery';

/** Reconcile the month with Codat's invoice, then close it (finance and admins); a closed month is frozen and exports as one pack. */
export function MonthClosePanel({ month, inProgress, rule }: { month: string; inProgress: boolean; rule: string | undefined }) {
  const base = `/api/reports/months/${month}`;
  const { data, error, reload } = useApiQuery<FinanceMonth>(reportPaths.month(month, rule));
  const { canAccess: canClose } = useCanAccess({ resource: 'reports', action: 'close' });
  const [count, setCount] = useState('');
  const [kind, setKind] = useState<'connections' | 'companies'>('connections');
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await work();
      reload();
    } catch (failed) {
      setFailure(failed);
    } finally {
      setBusy(false);
    }
  };
  const title = (
    <Typography variant="h6" component="h3" sx={{ mt: 2 }}>
      Invoice and month close
    </Typography>
  );
  if (error != null) return <>{title}<RequestError title="Could not load the reconciliation" error={error} onRetry={reload} /></>;
  if (!data) return title;
  const { close } = data;
  return (
    <section aria-label="Invoice and month close">
      {title}
      {close ? (
        <>
          <Alert severity="success" sx={{ my: 1 }}>
            {formatMonth(month)} was closed by {close.closedByEmail} on {formatDateTime(close.closedAt)} under the rule {close.rule}, from the snapshot taken{' '}
            {formatDateTime(close.snapshotTakenAt)}. Its figures and reconciliation are frozen.
          </Alert>
          {close.changedSinceClose && (
            <Alert severity="warning" sx={{ my: 1 }}>
              The underlying data changed after the close. The closed figures stand; the report above shows the data as it is now.
            </Alert>
          )}
          <ExportLink href={`${base}/pack`}>Export closed month pack (CSV)</ExportLink>
        </>
      ) : (
        <>
          <Box component="form" sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center', my: 1 }} onSubmit={(event) => {
            event.preventDefault();
            void act(() => httpClient(`${base}/invoice`, { method: 'PUT', body: JSON.stringify({ kind: 'count', invoicedCount: Number(count) }) }));
          }}>
            <TextField size="small" type="number" label="Invoiced connections" value={count} onChange={(event) => setCount(event.target.value)} slotProps={{ htmlInput: { min: 0 } }} disabled={!canClose} />
            <Button type="submit" variant="outlined" disabled={!canClose || busy || count === ''}>
              Save count
            </Button>
          </Box>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center', my: 1 }}>
            <TextField select size="small" label="The invoice CSV lists" value={kind} onChange={(event) => setKind(event.target.value as 'connections' | 'companies')} disabled={!canClose}>
              <MenuItem value="connections">connection ids</MenuItem>
              <MenuItem value="companies">company ids</MenuItem>
            </TextField>
            <Button variant="outlined" disabled={!canClose || busy} onClick={() => fileInput.current?.click()}>
              Upload invoice CSV
            </Button>
            <input
              ref={fileInput}
              hidden
              type="file"
              accept=".csv,text/csv"
              aria-label="Invoice CSV"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void act(async () => uploadInvoiceIds(base, kind, await file.text()));
                event.target.value = '';
              }}
            />
          </Box>
        </>
      )}
      {failure !== undefined && <RequestError error={failure} />}
      {(close?.reconciliation ?? data.reconciliation) && <ReconciliationView reconciliation={(close?.reconciliation ?? data.reconciliation)!} />}
      {!close && canClose && (
        <Box sx={{ my: 2 }}>
          {inProgress ? (
            <Typography variant="body2" color="text.secondary">
              {formatMonth(month)} is in progress: it can be closed once it has ended.
            </Typography>
          ) : (
            <Button variant="contained" disabled={busy} onClick={() => void act(() => httpClient(`${base}/close${ruleQuery(rule)}`, { method: 'POST' }))}>
              Close {formatMonth(month)}
            </Button>
          )}
        </Box>
      )}
    </section>
  );
}

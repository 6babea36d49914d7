import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { Reconciliation } from './types';

type Side = NonNullable<Reconciliation['consoleNotInvoiced']>;

function DifferenceTable({ side, label }: { side: Side; label: string }) {
  return (
    <>
      <Typography variant="subtitle2" component="h4" sx={{ mt: 1 }}>
        {label}: {side.total}
      </Typography>
      {side.byReason.map((r) => (
        <Typography key={r.reason} variant="body2">
          {r.count} × {r.reason}
        </Typography>
      ))}
      {side.sample.length > 0 && (
        <TableContainer>
          <Table size="small" aria-label={label}>
            <TableHead>
              <TableRow>
                <TableCell>Id</TableCell>
                <TableCell>Company</TableCell>
                <TableCell>Platform</TableCell>
                <TableCell>Why</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {side.sample.map((row) => (
                <TableRow key={row.id}>
                  <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{row.id}</TableCell>
                  <TableCell>{row.companyName ?? '—'}</TableCell>
                  <TableCell>{row.platformName ?? '—'}</TableCell>
                  <TableCell>{row.reason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {side.total > side.sample.length && (
        <Typography variant="caption" color="text.secondary">
          The first {side.sample.length} are listed; the closed month&apos;s pack has them all.
        </Typography>
      )}
    </>
  );
}

/** The console's billable count against the invoice, and the difference explained both ways. */
export function ReconciliationView({ reconciliation: r }: { reconciliation: Reconciliation }) {
  if (!r.invoice) {
    return (
      <Typography variant="body2" color="text.secondary">
        No invoice entered yet. The console counts {r.console.connections} billable connections at {r.console.companies} companies under the rule {r.rule}.
      </Typography>
    );
  }
  const level = r.invoice.kind === 'companies' ? 'companies' : 'connections';
  const invoiced = r.invoice.kind === 'count' ? r.invoice.invoicedCount : r.invoice.ids;
  return (
    <section aria-label="Reconciliation">
      <Typography variant="body2" sx={{ my: 1 }}>
        Invoice: {invoiced} {level}; console: {level === 'companies' ? r.console.companies : r.console.connections} billable {level} under the rule {r.rule}.{' '}
        Difference (console − invoice): {r.difference}.
      </Typography>
      {r.consoleNotInvoiced && <DifferenceTable side={r.consoleNotInvoiced} label="Counted by the console, not on the invoice" />}
      {r.invoicedNotConsole && <DifferenceTable side={r.invoicedNotConsole} label="On the invoice, not counted by the console" />}
    </section>
  );
}

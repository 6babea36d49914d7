import { plural } from '../ui/format';
import { Alert, Box, TextField, Typography } from '@mui/material';
import { useLocation, useNavigate } from 'react-admin';
import { Loading, RequestError } from '../ui/ListStates';
import { CompanyCounts } from './CompanyCounts';
import { CountsTable } from './CountsTable';
import { ExportLink, EXPORT_NOTE } from './ExportLink';
import { MirrorFreshness } from './MirrorFreshness';
import { currentMonth, formatMonth, isMonth } from './month';
import { MonthChanges } from './MonthChanges';
import { StatusBarChart } from './StatusBarChart';
import type { ConnectionCountsReport as Report } from './types';
import { useApiQuery } from './useApiQuery';

/** #/reports/connection-counts?month=YYYY-MM: finance's monthly connection counts from the mirror's daily snapshots. */
export default function ConnectionCountsReport() {
  const { search } = useLocation();
  const navigate = useNavigate();
  const requested = new URLSearchParams(search).get('month');
  const month = isMonth(requested) ? requested : currentMonth();
  const { data: report, error, loading, reload } = useApiQuery<Report>(`/reports/connection-counts?month=${month}`);

  return (
    <Box>
      <Typography variant="h5" component="h1">
        Connection counts
      </Typography>
      <TextField
        type="month"
        label="Month"
        value={month}
        onChange={(event) => isMonth(event.target.value) && navigate(`/reports/connection-counts?month=${event.target.value}`)}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: currentMonth() } }}
        size="small"
        sx={{ my: 2 }}
      />
      {loading && !report && <Loading label={`Loading connection counts for ${formatMonth(month)}…`} />}
      {error != null && <RequestError title="Could not load the connection counts" error={error} onRetry={reload} />}
      {report && (
        <>
          <MirrorFreshness refreshedAt={report.refreshedAt} />
          <Alert severity="info" sx={{ my: 1 }}>
            Billable candidates: {report.billableRule.description}
          </Alert>
          <Box sx={{ my: 1, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <ExportLink href={`/api/reports/connection-counts/export?month=${month}`}>Export counts (CSV)</ExportLink>
            <ExportLink href={`/api/reports/connection-counts/companies/export?month=${month}`}>Export per-company counts (CSV)</ExportLink>
            <Typography variant="caption" color="text.secondary">
              {EXPORT_NOTE}
            </Typography>
          </Box>
          {!report.snapshots || !report.totals ? (
            <Alert severity="warning">The mirror took no snapshots in {formatMonth(month)}, so there are no counts for it.</Alert>
          ) : (
            <>
              <Typography variant="body2">
                {plural(report.snapshots.days, 'daily snapshot')} from {report.snapshots.firstDay} to {report.snapshots.lastDay}. {report.totals.billableConnections}{' '}
                billable candidate connections at {report.totals.billableCompanies} companies; {report.totals.connectionsAtMonthEnd} connections at month end;{' '}
                {report.totals.companiesWithoutConnections} of {report.totals.companies} companies without connections.
              </Typography>
              <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
                {formatMonth(report.month)}
              </Typography>
              <StatusBarChart rows={report.rows} />
              <CountsTable rows={report.rows} label="Connections by status, platform and source type" />
              <Typography variant="h6" component="h3" sx={{ mt: 2 }}>
                Month-over-month changes
              </Typography>
              <MonthChanges changes={report.changes} />
              <Typography variant="h6" component="h3" sx={{ mt: 2 }}>
                Sandbox (never billable)
              </Typography>
              {report.sandbox.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  No sandbox connections this month.
                </Typography>
              ) : (
                <CountsTable rows={report.sandbox} label="Sandbox connections" billable={false} />
              )}
              <CompanyCounts month={month} />
            </>
          )}
        </>
      )}
    </Box>
  );
}

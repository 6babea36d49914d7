import { Alert, Box, MenuItem, TextField, Typography } from '@mui/material';
import { Loading, RequestError } from '../ui/ListStates';
import { CompanyCounts } from './CompanyCounts';
import { CountsTable } from './CountsTable';
import { ExportLink, EXPORT_NOTE } from './ExportLink';
import { FiguresBeingMade } from './FiguresBeingMade';
import { currentMonth, formatMonth, isMonth } from './month';
import { MonthChanges } from './MonthChanges';
import { MonthClosePanel } from './MonthClosePanel';
import { reportPaths, useReportParams } from './reportParams';
import { SnapshotFreshness } from './SnapshotFreshness';
import { StatusBarChart } from './StatusBarChart';
import { Trend } from './Trend';
import { BILLABLE_RULES, type ConnectionCountsReport as Report } from './types';
import { useApiQuery } from './useApiQuery';

/** #/reports/connection-counts?month=YYYY-MM&rule=…: finance's monthly connection counts from the mirror's daily snapshots. */
export default function ConnectionCountsReport() {
  const params = useReportParams();
  const { month, query } = params;
  const { data: report, error, loading, reload } = useApiQuery<Report>(reportPaths.counts(query));
  const end = report?.inProgress ? 'on the latest snapshot' : 'at month end';

  return (
    <Box>
      <Typography variant="h5" component="h1">
        Connection counts
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', my: 2 }}>
        <TextField
          type="month"
          label="Month"
          value={month}
          onChange={(event) => isMonth(event.target.value) && params.set({ month: event.target.value })}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: currentMonth() } }}
          size="small"
        />
        <TextField select size="small" label="Billable rule" value={report?.billableRule.key ?? params.rule ?? ''} onChange={(event) => params.set({ rule: event.target.value })} sx={{ minWidth: 280 }}>
          {BILLABLE_RULES.map((rule) => (
            <MenuItem key={rule.key} value={rule.key}>
              {rule.label}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <Trend rule={params.rule} month={month} onOpen={(m) => params.set({ month: m })} />
      {loading && !report && <Loading label={`Loading connection counts for ${formatMonth(month)}…`} />}
      {error != null && <RequestError title="Could not load the connection counts" error={error} onRetry={reload} />}
      {report && (
        <>
          <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
            {formatMonth(report.month)}
          </Typography>
          {report.beingMade ? <FiguresBeingMade report={report} onCheck={reload} /> : <SnapshotFreshness report={report} />}
          <Alert severity="info" sx={{ my: 1 }}>
            Billable candidates: {report.billableRule.description}
          </Alert>
          {!report.beingMade && (
            <Box sx={{ my: 1, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
              <ExportLink href={`/api/reports/connection-counts/export?${query}`}>Export counts (CSV)</ExportLink>
              <ExportLink href={`/api/reports/connection-counts/companies/export?${query}`}>Export per-company counts (CSV)</ExportLink>
              <Typography variant="caption" color="text.secondary">
                {EXPORT_NOTE} Each file names its month, snapshot and billable rule in its first rows.
              </Typography>
            </Box>
          )}
          {report.beingMade ? null : !report.snapshots || !report.totals ? (
            <Alert severity="warning">The mirror took no snapshots in {formatMonth(month)}, so there are no counts for it.</Alert>
          ) : (
            <>
              <Typography variant="body2">
                {report.totals.billableConnections} billable candidate connections at {report.totals.billableCompanies} companies;{' '}
                {report.totals.connectionsAtMonthEnd} connections {end}; {report.totals.companiesWithoutConnections} of {report.totals.companies} companies{' '}
                without connections {end}.
              </Typography>
              <StatusBarChart rows={report.rows} />
              <CountsTable rows={report.rows} label="Connections by status, platform and source type" />
              <Typography variant="h6" component="h3" sx={{ mt: 2 }}>
                Month-over-month changes
              </Typography>
              <MonthChanges changes={report.changes} reportQuery={query} />
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
              <CompanyCounts reportQuery={query} companies={report.totals.companiesInMonth} withoutConnections={report.totals.companiesInMonthWithoutConnections} />
              <MonthClosePanel month={report.month} inProgress={report.inProgress} rule={params.rule} />
            </>
          )}
        </>
      )}
    </Box>
  );
}

import { Box, Card, CardContent, Tab, Tabs } from '@mui/material';
import { Suspense } from 'react';
import { Link, Title, useLocation } from 'react-admin';
import { Loading } from '../ui/ListStates';
import { REPORTS } from './index';

/** #/reports/<report>: one tab per report, each its own URL; #/reports opens connection counts. */
export default function ReportsPage() {
  const { pathname } = useLocation();
  const segment = pathname.replace(/^\/reports\/?/, '').split('/')[0] ?? '';
  const current = REPORTS.find((report) => report.path === segment) ?? REPORTS[0]!;
  const { Screen } = current;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Reports" />
      <CardContent>
        <Tabs value={current.path} aria-label="Reports">
          {REPORTS.map((report) => (
            <Tab key={report.path} value={report.path} label={report.label} component={Link} to={`/reports/${report.path}`} />
          ))}
        </Tabs>
        <Box sx={{ pt: 2 }}>
          <Suspense fallback={<Loading label={`Loading ${current.label.toLowerCase()}…`} />}>
            <Screen />
          </Suspense>
        </Box>
      </CardContent>
    </Card>
  );
}

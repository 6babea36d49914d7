import { Typography } from '@mui/material';
import { RequestError } from '../ui/ListStates';
import { TrendChart } from './TrendChart';
import { TrendTable } from './TrendTable';
import type { ConnectionTrend } from './types';
import { reportPaths } from './reportParams';
import { useApiQuery } from './useApiQuery';

/** The last 13 months (to the current one) under the chosen rule: a chart, then its table, where the month shown is highlighted. */
export function Trend({ rule, month, onOpen }: { rule: string | undefined; month: string; onOpen(month: string): void }) {
  const { data, error, reload } = useApiQuery<ConnectionTrend>(reportPaths.trend(rule));
  if (error != null) return <RequestError title="Could not load the 13-month trend" error={error} onRetry={reload} />;
  if (!data) return null;
  return (
    <section aria-label="13-month trend">
      <Typography variant="h6" component="h2">
        13 months
      </Typography>
      <TrendChart months={data.months} />
      <TrendTable months={data.months} current={month} onOpen={onOpen} />
    </section>
  );
}

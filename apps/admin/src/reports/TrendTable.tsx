import { Button } from '@mui/material';
import { DataTable, type Column } from '../ui/PagedTable';
import { formatMonth } from './month';
import type { TrendMonth } from './types';

/** A month's figure, a dash for a month without any snapshot, or an ellipsis while its figures are being made. */
const figure = (header: string, value: (m: TrendMonth) => number): Column<TrendMonth> => ({
  header,
  align: 'right',
  cell: (m) => (!m.snapshot ? '—' : m.beingMade ? '…' : value(m)),
});

/** The trend's figures, newest month first; a month opens its report. */
export function TrendTable({
  months,
  current,
  onOpen,
}: {
  months: TrendMonth[];
  current: string;
  onOpen(month: string): void;
}) {
  const columns: Column<TrendMonth>[] = [
    {
      header: 'Month',
      cell: (m) => (
        <Button
          size="small"
          onClick={() => onOpen(m.month)}
          aria-label={`Open ${formatMonth(m.month)}`}
        >
          {formatMonth(m.month)}
        </Button>
      ),
    },
    {
      header: 'Snapshot',
      cell: (m) =>
        !m.snapshot
          ? 'none'
          : m.beingMade
            ? `${m.snapshot.lastDay} (figures being made)`
            : m.snapshot.reconstructed
              ? 'reconstructed'
              : `${m.snapshot.lastDay} (${m.snapshot.days} days)`,
    },
    figure('Billable candidates', (m) => m.billableConnections),
    figure('Connections (last snapshot)', (m) => m.connectionsAtMonthEnd),
    figure('Linked', (m) => m.byStatus.Linked ?? 0),
    figure('New', (m) => m.new),
    figure('Lost', (m) => m.lost),
    figure('Relinked', (m) => m.relinked),
  ];
  return (
    <DataTable
      label="Months"
      columns={columns}
      rows={[...months].reverse()}
      rowKey={(m) => m.month}
      selected={(m) => m.month === current}
    />
  );
}

import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  type SxProps,
  type Theme,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import { listQuery, useApiQuery, type ApiQuery } from '../reports/useApiQuery';
import { Empty, Loading, RequestError } from './ListStates';
import { PagedFooter } from './PagedFooter';

const PER_PAGE = 25;

export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  align?: 'right';
  sx?: SxProps<Theme>;
}

export interface PagedQuery<T> extends ApiQuery<T[]> {
  page: number;
  setPage: (page: number) => void;
}

interface ListParams {
  filter?: Record<string, unknown>;
  sort?: [string, 'ASC' | 'DESC'];
  /** More query string, e.g. a report's month and rule. */
  extra?: string;
}

/** A page of a BFF list (ra-data-simple-rest paging), 25 rows at a time. */
export function usePagedQuery<T>(
  path: string,
  { filter = {}, sort, extra }: ListParams = {},
): PagedQuery<T> {
  const [page, setPage] = useState(0);
  const query = listQuery(filter, [page * PER_PAGE, page * PER_PAGE + PER_PAGE - 1], sort);
  return { ...useApiQuery<T[]>(`${path}?${query}${extra ? `&${extra}` : ''}`), page, setPage };
}

interface DataTableProps<T> {
  /** The table's accessible name. */
  label: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  /** Rows to highlight, e.g. the one open below the table. */
  selected?: (row: T) => boolean;
}

/** Rows as a small table, one cell per column. */
export function DataTable<T>({ label, columns, rows, rowKey, selected }: DataTableProps<T>) {
  return (
    <TableContainer>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            {columns.map((column, index) => (
              <TableCell key={index} align={column.align}>
                {column.header}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)} selected={selected?.(row)}>
              {columns.map((column, index) => (
                <TableCell key={index} align={column.align} sx={column.sx}>
                  {column.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

interface PagedTableProps<T> {
  list: PagedQuery<T>;
  label: string;
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
  loadingLabel: string;
  errorTitle: string;
  /** What an empty list means; nothing is shown when absent. */
  empty?: ReactNode;
}

/** A paged list as a table: loading, its error with a retry, what empty means, or the rows and the pager. */
export function PagedTable<T>({
  list,
  label,
  columns,
  rowKey,
  loadingLabel,
  errorTitle,
  empty,
}: PagedTableProps<T>) {
  const { data, error, loading, total, reload, page, setPage } = list;
  return (
    <>
      {loading && !data && <Loading label={loadingLabel} />}
      {error != null && <RequestError title={errorTitle} error={error} onRetry={reload} />}
      {data && data.length === 0 && empty && <Empty>{empty}</Empty>}
      {data && data.length > 0 && (
        <>
          <DataTable label={label} columns={columns} rows={data} rowKey={rowKey} />
          <PagedFooter
            total={total ?? data.length}
            page={page}
            perPage={PER_PAGE}
            onPageChange={setPage}
          />
        </>
      )}
    </>
  );
}

import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useListContext } from 'react-admin';
import type { ListMeta } from '../../providers/dataProvider';
import { MirrorFreshness } from '../../reports/MirrorFreshness';
import { Empty, Loading } from '../../ui/ListStates';
import { ErrorGroupRow } from './ErrorGroupRow';
import type { ErrorGroupRecord } from './types';
import { useLiveList } from './useLiveList';

const HEADERS = ['Platform', 'Status code', 'Error', 'Connections', 'Companies', 'First seen', 'Last seen', '30-day trend', 'Notes'];
const NUMERIC = ['Connections', 'Companies', 'Notes'];

/** The page of groups the list's filters, sort and page select, kept current while it is open. */
export function ErrorGroupTable() {
  const { data, isPending, meta } = useListContext<ErrorGroupRecord>();
  useLiveList();
  if (isPending) return <Loading label="Loading connection errors…" />;
  return (
    <>
      <MirrorFreshness refreshedAt={(meta as ListMeta | undefined)?.mirrorRefreshedAt} />
      {!data || data.length === 0 ? (
        <Empty>No connection error group matches these filters. Clear a filter or widen the time range.</Empty>
      ) : (
        <TableContainer>
          <Table size="small" aria-label="Connection error groups">
            <TableHead>
              <TableRow>
                {HEADERS.map((header) => (
                  <TableCell key={header} align={NUMERIC.includes(header) ? 'right' : 'left'}>
                    {header}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((group) => (
                <ErrorGroupRow key={group.id} group={group} />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </>
  );
}

import type { AuditEventRecord } from '@console/contracts';
import { PagedFooter } from '../../ui/PagedFooter';
import { Box, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { useCanAccess, useGetList } from 'react-admin';
import { CopyableText } from '../../ui/CopyableText';
import { Empty, Loading, RequestError } from '../../ui/ListStates';
import { AuditAction, AuditActor, AuditOutcomeCell, AuditTarget, AuditTime } from './AuditCells';

/** What staff did to this company, newest first. Roles without audit.read get a note, not a request. */
export function CompanyHistoryPanel({ companyId }: { companyId: string }) {
  const { canAccess, isPending } = useCanAccess({ resource: 'audit-events', action: 'list' });
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ display: 'grid', gap: 1 }}>
      <Typography id={headingId} variant="h6" component="h2">
        History
      </Typography>
      {isPending ? (
        <Loading label="Checking your access…" />
      ) : canAccess ? (
        <CompanyAuditEntries companyId={companyId} />
      ) : (
        <Typography variant="body2" color="text.secondary">
          The history of staff actions on this company comes from the audit log, which Finance and Admin can read. Ask one of them
          if you need it for a ticket.
        </Typography>
      )}
    </Box>
  );
}

function CompanyAuditEntries({ companyId }: { companyId: string }) {
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(10);
  const { data, total, isPending, error, refetch } = useGetList<AuditEventRecord>(
    'audit-events',
    { filter: { companyId }, pagination: { page: page + 1, perPage }, sort: { field: 'at', order: 'DESC' } },
    { retry: false, placeholderData: (previous) => previous },
  );
  if (isPending) return <Loading label="Loading the company’s history…" />;
  if (error) return <RequestError title="Could not load the company’s history" error={error} onRetry={() => void refetch()} />;
  if (!data || data.length === 0) return <Empty>No staff actions on this company have been recorded yet.</Empty>;
  return (
    <>
      <TableContainer>
        <Table size="small" aria-label="Staff actions on this company">
          <TableHead>
            <TableRow>
              <TableCell>Time</TableCell>
              <TableCell>Who</TableCell>
              <TableCell>Action</TableCell>
              <TableCell>Target</TableCell>
              <TableCell>Outcome</TableCell>
              <TableCell>Request id</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((record) => (
              <TableRow key={record.id}>
                <TableCell>
                  <AuditTime record={record} />
                </TableCell>
                <TableCell>
                  <AuditActor record={record} />
                </TableCell>
                <TableCell>
                  <AuditAction record={record} />
                </TableCell>
                <TableCell>
                  <AuditTarget record={record} hideCompany />
                </TableCell>
                <TableCell>
                  <AuditOutcomeCell record={record} />
                </TableCell>
                <TableCell>
                  <CopyableText value={record.requestId} label="request id" />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <PagedFooter total={total ?? 0} page={page} perPage={perPage} onPageChange={setPage} onPerPageChange={setPerPage} />
    </>
  );
}

export default CompanyHistoryPanel;

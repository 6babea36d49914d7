import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { Link } from 'react-admin';
import { DateText } from '../../share/DateText';
import { StatusPill } from '../connections/StatusPill';
import type { AffectedCompany } from './types';

/** The companies and connections an error group hits now, each linking to the company. */
export function AffectedTable({ affected }: { affected: AffectedCompany[] }) {
  return (
    <TableContainer>
      <Table size="small" aria-label="Affected companies">
        <TableHead>
          <TableRow>
            <TableCell>Company</TableCell>
            <TableCell>Merchant id</TableCell>
            <TableCell>Connection status</TableCell>
            <TableCell>Errored</TableCell>
            <TableCell>Message</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {affected.map((row) => (
            <TableRow key={row.connectionId}>
              <TableCell>
                <Link to={`/companies/${row.companyId}/show`}>{row.companyName ?? row.companyId}</Link>
              </TableCell>
              <TableCell>{row.merchantId ?? '—'}</TableCell>
              <TableCell>{row.connectionStatus ? <StatusPill status={row.connectionStatus} /> : '—'}</TableCell>
              <TableCell>
                <DateText value={row.erroredOnUtc} empty="—" />
              </TableCell>
              <TableCell sx={{ maxWidth: 360, overflowWrap: 'anywhere' }}>{row.errorMessage ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

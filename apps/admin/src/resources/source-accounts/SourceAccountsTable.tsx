import { Box, Button, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { formatDate, formatMoney } from '../../ui/format';
import { visuallyHidden } from '../../ui/visuallyHidden';
import { AccountNumberCell } from './AccountNumberCell';
import { SourceAccountStatusPill } from './SourceAccountStatusPill';
import type { SourceAccountRecord } from './types';
import type { Revealer } from './useRevealedNumbers';

interface Props {
  records: SourceAccountRecord[];
  label: string;
  revealer: Revealer;
  /** Roles with source-accounts.write: reveal, edit, delete. */
  canWrite: boolean;
  onEdit: (record: SourceAccountRecord) => void;
  onDelete: (record: SourceAccountRecord) => void;
}

/** A connection's source accounts: numbers masked, status as a pill, what it feeds once mapped. */
export function SourceAccountsTable({ records, label, revealer, canWrite, onEdit, onDelete }: Props) {
  return (
    // Focusable so a keyboard can scroll it when it is wider than the screen (it may hold no button to tab to).
    <TableContainer tabIndex={0} role="region" aria-label={label}>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>Type</TableCell>
            <TableCell>Account number</TableCell>
            <TableCell>Currency</TableCell>
            <TableCell align="right">Balance</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Feed start</TableCell>
            {canWrite && (
              <TableCell>
                <Box component="span" sx={visuallyHidden}>
                  Actions
                </Box>
              </TableCell>
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {records.map((record) => {
            const name = record.accountName ?? record.accountId;
            return (
              <TableRow key={record.id}>
                <TableCell component="th" scope="row">
                  {record.accountName ?? <em>No name</em>}
                  <Typography variant="caption" component="div" color="text.secondary">
                    id {record.accountId}
                    {record.mapping && ` · feeds “${record.mapping.targetAccountName ?? record.mapping.targetAccountId}”`}
                  </Typography>
                </TableCell>
                <TableCell>{record.accountType ?? '—'}</TableCell>
                <TableCell>
                  <AccountNumberCell record={record} revealer={revealer} canReveal={canWrite} />
                </TableCell>
                <TableCell>{record.currency ?? '—'}</TableCell>
                <TableCell align="right">{formatMoney(record.balance, record.currency)}</TableCell>
                <TableCell>
                  <SourceAccountStatusPill status={record.status} />
                </TableCell>
                <TableCell>{record.feedStartDate ? formatDate(record.feedStartDate) : '—'}</TableCell>
                {canWrite && (
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Button size="small" onClick={() => onEdit(record)} aria-label={`Edit ${name}`}>
                      Edit
                    </Button>
                    <Button size="small" color="error" onClick={() => onDelete(record)} aria-label={`Delete ${name}`}>
                      Delete
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

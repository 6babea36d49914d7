import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { Box, IconButton, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { visuallyHidden } from '../../ui/visuallyHidden';
import { AccountField } from './AccountField';
import { FIELD_LABELS, FIELDS, isRequired, type Version } from './rules';
import type { BatchResult } from './types';
import type { useAccountDrafts } from './useAccountDrafts';

interface Props {
  form: ReturnType<typeof useAccountDrafts>;
  version: Version;
  /** Once sent: each row's outcome, and the rows become read-only. */
  result?: BatchResult;
}

/** The several-at-once form: one row per account, one column per field, outcome per row. */
export function BatchRowsTable({ form, version, result }: Props) {
  return (
    <TableContainer>
      <Table size="small" aria-label="Source accounts to create">
        <TableHead>
          <TableRow>
            <TableCell>#</TableCell>
            {FIELDS.map((field) => (
              <TableCell key={field} sx={{ minWidth: field === 'accountType' ? 130 : 110 }}>
                {FIELD_LABELS[field]}
                {isRequired(field, version) ? ' *' : ''}
              </TableCell>
            ))}
            <TableCell>{result ? 'Outcome' : <Box component="span" sx={visuallyHidden}>Remove</Box>}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {form.drafts.map((draft, row) => {
            const errors = form.errorsFor(row);
            const outcome = result?.results[row];
            return (
              <TableRow key={row} sx={{ verticalAlign: 'top' }}>
                <TableCell>{row + 1}</TableCell>
                {FIELDS.map((field) => (
                  <TableCell key={field}>
                    {result ? (
                      draft[field] || '—'
                    ) : (
                      <AccountField field={field} draft={draft} version={version} error={errors[field]} row={row} onChange={(f, v) => form.change(row, f, v)} />
                    )}
                  </TableCell>
                ))}
                <TableCell>
                  {outcome ? (
                    <Typography variant="body2" color={outcome.created ? 'success.dark' : 'error.dark'}>
                      {outcome.created ? 'Created (pending mapping)' : `Not created${outcome.statusCode ? ` (${outcome.statusCode})` : ''}: ${outcome.error ?? 'Codat gave no reason.'}`}
                    </Typography>
                  ) : (
                    !result && (
                      <IconButton aria-label={`Remove row ${row + 1}`} onClick={() => form.removeRow(row)} disabled={form.drafts.length === 1}>
                        <DeleteOutlineIcon />
                      </IconButton>
                    )
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

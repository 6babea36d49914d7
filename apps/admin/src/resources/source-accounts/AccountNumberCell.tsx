import { Box, Button, Typography } from '@mui/material';
import type { SourceAccountRecord } from './types';
import type { Revealer } from './useRevealedNumbers';

const formatSortCode = (code: string) => (/^\d{6}$/.test(code) ? `${code.slice(0, 2)}-${code.slice(2, 4)}-${code.slice(4)}` : code);

/** Masked number and sort code; for roles that may, a Reveal button (audited) and Hide. */
export function AccountNumberCell({ record, revealer, canReveal }: { record: SourceAccountRecord; revealer: Revealer; canReveal: boolean }) {
  const shown = revealer.revealed[record.id];
  const name = record.accountName ?? record.accountId;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <Box sx={{ fontFamily: 'monospace' }}>
        <div>{shown ? (shown.accountNumber ?? '—') : (record.accountNumberMasked ?? '—')}</div>
        {(shown?.sortCode || record.sortCodeMasked) && (
          <Typography variant="caption" component="div" color="text.secondary">
            Sort code {shown ? (shown.sortCode ? formatSortCode(shown.sortCode) : '—') : record.sortCodeMasked}
          </Typography>
        )}
      </Box>
      {canReveal && record.accountNumberMasked && (
        shown ? (
          <Button size="small" onClick={() => revealer.hide(record.id)} aria-label={`Hide the account number of ${name}`}>
            Hide
          </Button>
        ) : (
          <Button size="small" onClick={() => void revealer.reveal(record.id)} disabled={revealer.pending === record.id} aria-label={`Reveal the account number of ${name}`}>
            {revealer.pending === record.id ? 'Revealing…' : 'Reveal'}
          </Button>
        )
      )}
    </Box>
  );
}

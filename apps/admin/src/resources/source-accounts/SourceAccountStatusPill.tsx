import { Chip, Tooltip } from '@mui/material';

const PILLS: Record<string, { color: 'success' | 'info' | 'warning' | 'default'; hint: string }> = {
  pending: { color: 'warning', hint: 'Created; waiting for the customer to map it to an account in their software.' },
  connecting: { color: 'info', hint: 'The customer is mapping it; Codat is setting up the feed.' },
  connected: { color: 'success', hint: 'Mapped: bank transactions can be written to the target account.' },
  disconnected: { color: 'default', hint: 'The feed is off (disconnected in the software, or marked disconnected here).' },
};

/** A source account's status: the word is the signal; colour and tooltip back it up. */
export function SourceAccountStatusPill({ status }: { status: string | null }) {
  const pill = status ? PILLS[status] : undefined;
  const chip = (
    <Chip
      size="small"
      label={status ?? 'unknown'}
      color={pill?.color ?? 'default'}
      variant={pill?.color === 'default' || !pill ? 'outlined' : 'filled'}
      // White on MUI's warning and info colours falls short of 4.5:1; these darker shades do not.
      sx={pill?.color === 'warning' ? { bgcolor: '#a34700', color: '#fff' } : pill?.color === 'info' ? { bgcolor: 'info.dark' } : undefined}
    />
  );
  return pill ? <Tooltip title={pill.hint}>{chip}</Tooltip> : chip;
}

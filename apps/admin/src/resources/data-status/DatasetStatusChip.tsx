import { Chip } from '@mui/material';
import { statusKind } from './datasetStatus';

const COLORS = { success: 'success', running: 'info', error: 'error', neutral: 'default', unknown: 'default' } as const;

/** A dataset status as a chip: the word itself is the signal, the colour only backs it up. */
export function DatasetStatusChip({ status, progress }: { status: string | null | undefined; progress?: number }) {
  const kind = statusKind(status);
  const label = status ? (kind === 'running' && progress ? `${status} · ${progress}%` : status) : 'Not read yet';
  return (
    <Chip
      size="small"
      label={label}
      color={COLORS[kind]}
      variant={kind === 'running' ? 'outlined' : kind === 'success' || kind === 'error' ? 'filled' : 'outlined'}
      // info.main on white is below 4.5:1; the darker shade keeps running labels readable.
      sx={kind === 'running' ? { color: 'info.dark', borderColor: 'info.dark' } : undefined}
    />
  );
}

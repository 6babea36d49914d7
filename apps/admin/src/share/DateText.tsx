import { Tooltip, Typography } from '@mui/material';
import { formatDate, formatDateTime, formatRelative, parseTimestamp } from '../ui/format';
import { useNow } from './useNow';

export interface DateTextProps {
  /** Codat's original date string. */
  value: string | null | undefined;
  /** `relative` ("3 days ago", the default) or `date` ("16 May 2024"). */
  format?: 'relative' | 'date';
  /** Shown when there is no date. */
  empty?: string;
  /** Words before the relative time: "resolved" → "resolved 3 days ago". */
  prefix?: string;
}

/** A date as "3 days ago" (or "16 May 2024"), with the full date and time on hover and in the `<time>` element. */
export function DateText({ value, format = 'relative', empty = 'Never', prefix }: DateTextProps) {
  const now = useNow(60_000);
  const date = parseTimestamp(value);
  if (!date) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {value || empty}
      </Typography>
    );
  }
  return (
    <Tooltip title={formatDateTime(value)} describeChild>
      <Typography component="time" variant="body2" dateTime={date.toISOString()} sx={{ whiteSpace: 'nowrap' }}>
        {prefix ? `${prefix} ` : ''}
        {format === 'date' ? formatDate(value) : formatRelative(value, now)}
      </Typography>
    </Tooltip>
  );
}

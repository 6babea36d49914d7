import { TextField } from '@mui/material';
import { useInput } from 'react-admin';

/** `2026-05-03T10:00:00.000Z` ↔ the `datetime-local` input's `2026-05-03T11:00` in the viewer's zone. */
function toLocalInput(value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** null clears the bound (the filter form skips undefined when it merges values). */
const toIso = (value: string) => {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/**
 * A time-range bound for the filter form, kept in the URL as an ISO timestamp. (react-admin's
 * DateTimeInput passes MUI props that MUI 9 no longer has, so its label would cover the value.)
 */
export function DateTimeFilter({ source, label }: { source: string; label: string; alwaysOn?: boolean }) {
  const { field, id } = useInput({ source, format: toLocalInput, parse: toIso });
  return (
    <TextField
      id={id}
      type="datetime-local"
      label={label}
      size="small"
      value={field.value ?? ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      name={field.name}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );
}

import { TextField } from '@mui/material';
import { useListContext } from 'react-admin';

/** The orders support scans by; the chosen one is kept in the URL with the filters. */
export const ERROR_GROUP_SORTS = [
  { field: 'companies', label: 'Companies affected, most first' },
  { field: 'lastSeen', label: 'Last seen, newest first' },
  { field: 'trend', label: 'Trend, growing first' },
  { field: 'firstSeen', label: 'First seen, newest first' },
] as const;

export function ErrorGroupSort() {
  const { sort, setSort } = useListContext();
  return (
    <TextField
      select
      size="small"
      label="Sort by"
      value={sort.field}
      onChange={(event) => setSort({ field: event.target.value, order: 'DESC' })}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      sx={{ minWidth: 300 }}
    >
      {ERROR_GROUP_SORTS.map((choice) => (
        <option key={choice.field} value={choice.field}>
          {choice.label}
        </option>
      ))}
    </TextField>
  );
}

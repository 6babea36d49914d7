import { Button, Stack, TextField } from '@mui/material';
import { DATASET_STATUSES } from '@console/contracts';
import { DATA_TYPES } from '../data-status/datasetStatus';

export interface SyncHistoryFilter {
  status?: string;
  dataType?: string;
}

interface Props {
  value: SyncHistoryFilter;
  onChange: (value: SyncHistoryFilter) => void;
}

/** Status and data type, as native selects: keyboard- and screen-reader-friendly as they come. */
export function SyncHistoryFilters({ value, onChange }: Props) {
  const set = (key: keyof SyncHistoryFilter) => (event: React.ChangeEvent<HTMLInputElement>) =>
    onChange({ ...value, [key]: event.target.value || undefined });
  const filtered = Boolean(value.status || value.dataType);
  return (
    <Stack direction="row" spacing={2} sx={{ my: 1, alignItems: 'center' }} role="group" aria-label="Filter sync history">
      <TextField select size="small" label="Status" value={value.status ?? ''} onChange={set('status')} slotProps={{ select: { native: true }, inputLabel: { shrink: true } }} sx={{ minWidth: 180 }}>
        <option value="">Any status</option>
        {DATASET_STATUSES.map((status) => (
          <option key={status} value={status}>
            {status}
          </option>
        ))}
      </TextField>
      <TextField select size="small" label="Data type" value={value.dataType ?? ''} onChange={set('dataType')} slotProps={{ select: { native: true }, inputLabel: { shrink: true } }} sx={{ minWidth: 220 }}>
        <option value="">Any data type</option>
        {DATA_TYPES.map((dataType) => (
          <option key={dataType} value={dataType}>
            {dataType}
          </option>
        ))}
      </TextField>
      {filtered && (
        <Button size="small" onClick={() => onChange({})}>
          Clear filters
        </Button>
      )}
    </Stack>
  );
}

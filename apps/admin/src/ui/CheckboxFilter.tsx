import { Checkbox, FormControlLabel } from '@mui/material';
import { useInput } from 'react-admin';

/** A yes-only list filter: ticked sends `true`, unticked leaves the key out of the filter (and the URL; null, which the list drops). */
export function CheckboxFilter({ source, label }: { source: string; label: string; alwaysOn?: boolean }) {
  const { field, id } = useInput({ source, parse: (checked: boolean) => (checked ? true : null) });
  return (
    <FormControlLabel
      sx={{ alignSelf: 'center', mb: 0.5 }}
      control={<Checkbox id={id} checked={field.value === true} onChange={(event) => field.onChange(event.target.checked)} name={field.name} />}
      label={label}
    />
  );
}

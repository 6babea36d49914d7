import { FormControl, FormControlLabel, FormHelperText, FormLabel, Radio, RadioGroup } from '@mui/material';
import { useId } from 'react';
import type { Version } from './rules';

/**
 * Which of Codat's source-account formats to write. Asked only when the connection has no
 * accounts yet to show it; the BFF checks against the format it has seen and says if it differs.
 */
export function VersionChoice({ value, onChange }: { value: Version; onChange: (version: Version) => void }) {
  const id = useId();
  return (
    <FormControl>
      <FormLabel id={id}>Codat source-account format</FormLabel>
      <RadioGroup row aria-labelledby={id} value={value} onChange={(event) => onChange(event.target.value as Version)}>
        <FormControlLabel value="v2" control={<Radio />} label="v2 (Codat clients since August 2024)" />
        <FormControlLabel value="v1" control={<Radio />} label="v1 (older clients)" />
      </RadioGroup>
      <FormHelperText>This connection has no accounts yet to tell which format it uses; most clients use v2.</FormHelperText>
    </FormControl>
  );
}

import { TextField } from '@mui/material';
import { ACCOUNT_TYPES, FIELD_LABELS, isRequired, sentence, type AccountDraft, type Field, type Version } from './rules';

const HINTS: Partial<Record<Field, string>> = {
  id: 'Your own id for the account, unique on this connection.',
  accountNumber: 'Digits, or an IBAN. Shown masked afterwards.',
  sortCode: 'Six digits; required for GBP accounts.',
  currency: 'ISO 4217 code in capitals, e.g. GBP.',
};

interface Props {
  field: Field;
  draft: AccountDraft;
  version: Version;
  error?: string;
  onChange: (field: Field, value: string) => void;
  onBlur?: (field: Field) => void;
  /** In the several-at-once table: no visible label or hint, the row number in the name. */
  row?: number;
}

/** One source-account input: a select for the type (per version), text otherwise. */
export function AccountField({ field, draft, version, error, onChange, onBlur, row }: Props) {
  const compact = row !== undefined;
  const label = compact ? `${FIELD_LABELS[field]}, row ${row + 1}` : FIELD_LABELS[field];
  const helper = error ? sentence(field, error) : compact ? undefined : HINTS[field];
  const common = {
    size: 'small' as const,
    value: draft[field],
    required: isRequired(field, version, draft),
    error: Boolean(error),
    helperText: helper,
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => onChange(field, event.target.value),
    onBlur: () => onBlur?.(field),
    fullWidth: true,
  };
  const htmlInput = { 'aria-label': compact ? label : undefined, inputMode: field === 'balance' ? ('decimal' as const) : undefined };

  if (field === 'accountType') {
    return (
      <TextField
        {...common}
        select
        label={compact ? undefined : label}
        slotProps={{ select: { native: true }, htmlInput, inputLabel: { shrink: true } }}
      >
        <option value="">{version === 'v2' ? 'Choose…' : 'None'}</option>
        {ACCOUNT_TYPES[version].map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </TextField>
    );
  }
  return (
    <TextField
      {...common}
      label={compact ? undefined : label}
      slotProps={{ htmlInput }}
      autoComplete="off"
      sx={field === 'accountNumber' || field === 'sortCode' ? { '& input': { fontFamily: 'monospace' } } : undefined}
    />
  );
}

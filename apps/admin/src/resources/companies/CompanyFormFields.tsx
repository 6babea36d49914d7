import { TextField } from '@mui/material';
import { TextInput, useInput } from 'react-admin';
import { ALLOWED_NAME_CHARACTERS, merchantIdProblem, nameProblem, notAllowedCharacters } from './companyName';

const validateName = (value: string | null | undefined) => nameProblem(value);
const validateMerchantId = (value: string | null | undefined) => merchantIdProblem(value);

/** The name, with the characters Codat would strip pointed out as they are typed. */
function CompanyNameInput() {
  const { field, fieldState } = useInput<string>({ source: 'name', validate: validateName });
  const value = field.value ?? '';
  const liveProblem = notAllowedCharacters(value).length > 0 ? nameProblem(value) : undefined;
  const message = liveProblem ?? fieldState.error?.message;
  return (
    <TextField
      {...field}
      value={value}
      label="Company name"
      required
      fullWidth
      error={Boolean(message)}
      helperText={message ?? `Allowed: ${ALLOWED_NAME_CHARACTERS}.`}
      slotProps={{ formHelperText: { 'aria-live': 'polite' } as object }}
      sx={{ mb: 2 }}
    />
  );
}

/** Name, merchant id and description: shared by create and edit. */
export function CompanyFormFields() {
  return (
    <>
      <CompanyNameInput />
      <TextInput
        source="merchantId"
        label="Merchant id"
        validate={validateMerchantId}
        helperText="Your own id for this customer; stored as a tag in Codat and searchable."
        fullWidth
      />
      <TextInput source="description" label="Description" multiline minRows={2} fullWidth helperText={false} />
    </>
  );
}

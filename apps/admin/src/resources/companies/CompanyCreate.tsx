import { Alert, Box, Typography } from '@mui/material';
import { useState } from 'react';
import { Create, SaveButton, SimpleForm, Toolbar, useCreate, useNotify, useRedirect } from 'react-admin';
import { errorCode, errorDetails, errorText } from '../../share/errors';
import { CompanyFormFields } from './CompanyFormFields';
import { DuplicateDialog } from './DuplicateDialog';
import type { CompanyRecord, DuplicateCandidate } from './types';

interface CompanyInput {
  name?: string;
  merchantId?: string | null;
  description?: string | null;
}

/** Only what the BFF accepts: trimmed, and empty fields left out. */
function payload(values: CompanyInput, reason?: string) {
  const text = (value: string | null | undefined) => (value?.trim() ? value.trim() : undefined);
  return {
    name: values.name?.trim() ?? '',
    merchantId: text(values.merchantId),
    description: text(values.description),
    ...(reason ? { confirmNewCompany: { reason } } : {}),
  };
}

interface Duplicates {
  values: CompanyInput;
  candidates: DuplicateCandidate[];
  message: string;
}

/**
 * New company. The BFF answers 409 possible_duplicate when the customer may already exist; the
 * candidates are shown and the user opens one, or creates anyway with a reason.
 */
export function CompanyCreate() {
  const [create, { isPending }] = useCreate<CompanyRecord>();
  const notify = useNotify();
  const redirect = useRedirect();
  const [duplicates, setDuplicates] = useState<Duplicates>();
  const [error, setError] = useState<string>();

  const submit = async (values: CompanyInput, reason?: string) => {
    setError(undefined);
    try {
      const company = (await create('companies', { data: payload(values, reason) }, { returnPromise: true })) as CompanyRecord;
      notify(`Created ${company.name}. Share its Link URL with the customer.`, { type: 'success' });
      redirect('show', 'companies', company.id);
    } catch (failure) {
      const candidates = errorDetails<{ candidates?: DuplicateCandidate[] }>(failure)?.candidates;
      if (!reason && errorCode(failure) === 'possible_duplicate' && candidates?.length) {
        setDuplicates({ values, candidates, message: errorText(failure) });
      } else {
        setError(errorText(failure));
      }
    }
  };

  return (
    <Create title="New company" redirect={false}>
      <SimpleForm
        onSubmit={(values: Record<string, unknown>) => submit(values as CompanyInput)}
        toolbar={
          <Toolbar>
            <SaveButton label="Create company" alwaysEnable={!isPending} />
          </Toolbar>
        }
      >
        <Typography variant="h5" component="h1" gutterBottom>
          New company
        </Typography>
        <Alert severity="info" sx={{ mb: 2, maxWidth: 640 }}>
          Is the customer already in Codat? Search first (Ctrl+K or ⌘K): an existing customer should get their company&apos;s Link URL,
          because a second company can mean billable duplicate connections. The console also checks when you create.
        </Alert>
        {error && !duplicates && (
          <Alert severity="error" role="alert" sx={{ mb: 2, width: '100%' }}>
            {error}
          </Alert>
        )}
        <Box sx={{ width: '100%', maxWidth: 640 }}>
          <CompanyFormFields />
        </Box>
      </SimpleForm>
      {duplicates && (
        <DuplicateDialog
          candidates={duplicates.candidates}
          message={duplicates.message}
          creating={isPending}
          error={error}
          onUse={(candidate) => redirect('show', 'companies', candidate.id)}
          onCreateAnyway={(reason) => void submit(duplicates.values, reason)}
          onClose={() => {
            setDuplicates(undefined);
            setError(undefined);
          }}
        />
      )}
    </Create>
  );
}

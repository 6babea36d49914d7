import { Alert, Box, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Create, SaveButton, SimpleForm, Toolbar, useCreate, useNotify, useRedirect } from 'react-admin';
import { useWatchedOperation } from '../../operations/usePendingOperations';
import { errorCode, errorDetails } from '../../share/errors';
import { RequestError } from '../../ui/ListStates';
import { CompanyFormFields } from './CompanyFormFields';
import { DuplicateDialog } from './DuplicateDialog';
import type { CompanyRecord, DuplicateCandidate } from './types';

interface CompanyInput {
  name?: string;
  merchantId?: string | null;
  description?: string | null;
}

/** Creating despite these candidates, for this reason. */
interface Confirmation {
  reason: string;
  candidateIds: string[];
}

/** Only what the BFF accepts: trimmed, and empty fields left out. */
function payload(values: CompanyInput, confirmation?: Confirmation) {
  const text = (value: string | null | undefined) => (value?.trim() ? value.trim() : undefined);
  return {
    name: values.name?.trim() ?? '',
    merchantId: text(values.merchantId),
    description: text(values.description),
    ...(confirmation ? { confirmNewCompany: confirmation } : {}),
  };
}

interface Duplicates {
  values: CompanyInput;
  candidates: DuplicateCandidate[];
  /** The BFF's answer: why it asks, and its request id. */
  failure: unknown;
}

/**
 * New company. The BFF answers 409 possible_duplicate when the customer may already exist; the
 * candidates are shown and the user opens one, or creates anyway with a reason (naming the
 * candidates they saw: one that appears meanwhile, say a colleague's, is shown again). When Codat
 * does not answer in time, the page says the company may exist and opens it once the console has
 * found it in Codat.
 */
export function CompanyCreate() {
  const [create, { isPending }] = useCreate<CompanyRecord>();
  const notify = useNotify();
  const redirect = useRedirect();
  const [duplicates, setDuplicates] = useState<Duplicates>();
  const [error, setError] = useState<unknown>();
  const [checking, setChecking] = useState<number>();
  const checked = useWatchedOperation(checking)?.record;

  useEffect(() => {
    if (checked?.state === 'ok' && checked.companyId) {
      notify(`Created ${checked.companyName ?? 'the company'}: Codat had it after all. Share its Link URL with the customer.`, { type: 'success' });
      redirect('show', 'companies', checked.companyId);
    } else if (checked?.state === 'failed') {
      setChecking(undefined);
      setError(new Error(`The company was not created: ${checked.reason ?? 'Codat shows no trace of it'}. You can create it now.`));
    }
  }, [checked, notify, redirect]);

  const submit = async (values: CompanyInput, confirmation?: Confirmation) => {
    setError(undefined);
    try {
      const company = (await create('companies', { data: payload(values, confirmation) }, { returnPromise: true })) as CompanyRecord;
      notify(`Created ${company.name}. Share its Link URL with the customer.`, { type: 'success' });
      redirect('show', 'companies', company.id);
    } catch (failure) {
      const details = errorDetails<{ candidates?: DuplicateCandidate[]; operationId?: number }>(failure);
      if (errorCode(failure) === 'outcome_unknown' && details?.operationId) {
        setDuplicates(undefined);
        setChecking(details.operationId);
      } else if (errorCode(failure) === 'possible_duplicate' && details?.candidates?.length) {
        setDuplicates({ values, candidates: details.candidates, failure });
      } else {
        setError(failure);
      }
    }
  };

  return (
    <Create title="New company" redirect={false}>
      <SimpleForm
        onSubmit={(values: Record<string, unknown>) => submit(values as CompanyInput)}
        toolbar={
          <Toolbar>
            <SaveButton label="Create company" alwaysEnable={!isPending && checking === undefined} disabled={checking !== undefined} />
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
        {error !== undefined && !duplicates && (
          <Box sx={{ mb: 2, width: '100%' }}>
            <RequestError error={error} />
          </Box>
        )}
        {checking !== undefined && (
          <Alert severity="info" role="status" sx={{ mb: 2, width: '100%' }}>
            Codat did not confirm the new company in time, so it may exist. The console is checking with Codat and will open it here
            if it does: do not create it again.
          </Alert>
        )}
        <Box sx={{ width: '100%', maxWidth: 640 }}>
          <CompanyFormFields />
        </Box>
      </SimpleForm>
      {duplicates && (
        <DuplicateDialog
          candidates={duplicates.candidates}
          failure={duplicates.failure}
          creating={isPending}
          error={error}
          onUse={(candidate) => redirect('show', 'companies', candidate.id)}
          onCreateAnyway={(reason) => void submit(duplicates.values, { reason, candidateIds: duplicates.candidates.map((candidate) => candidate.id) })}
          onClose={() => {
            setDuplicates(undefined);
            setError(undefined);
          }}
        />
      )}
    </Create>
  );
}

import { Box } from '@mui/material';
import { CopyableText } from './CopyableText';

interface References {
  requestId?: string;
  codatCorrelationId?: string;
}

/** The ids a staff member quotes to support about a failed request, from the BFF's error body. */
export function errorReferences(error: unknown): References {
  const body = (error as { body?: { error?: References } } | undefined)?.body?.error;
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  return { requestId: text(body?.requestId), codatCorrelationId: text(body?.codatCorrelationId) };
}

/** A small secondary line under an error's sentence: its request id (and Codat's correlation id), each with a copy button. */
export function ErrorReferences({ error }: { error: unknown }) {
  const { requestId, codatCorrelationId } = errorReferences(error);
  if (!requestId && !codatCorrelationId) return null;
  return (
    <Box
      sx={{
        mt: 0.5,
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        columnGap: 2,
        typography: 'caption',
        color: 'text.secondary',
      }}
    >
      {requestId && (
        <span>
          Request id <CopyableText value={requestId} label="request id" />
        </span>
      )}
      {codatCorrelationId && (
        <span>
          Codat correlation id{' '}
          <CopyableText value={codatCorrelationId} label="Codat correlation id" />
        </span>
      )}
    </Box>
  );
}

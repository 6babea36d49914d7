import { Alert, AlertTitle, Box, Button, CircularProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { errorText } from '../share/errors';
import { ErrorReferences } from './ErrorReferences';

/**
 * A failed request in words, the ids to quote to support on a line of their own, and a retry
 * button when the caller can retry.
 */
export function RequestError({ title, error, onRetry }: { title?: string; error: unknown; onRetry?: () => void }) {
  return (
    <Alert
      severity="error"
      action={
        onRetry && (
          <Button color="inherit" size="small" onClick={onRetry}>
            Try again
          </Button>
        )
      }
    >
      {title && <AlertTitle>{title}</AlertTitle>}
      {errorText(error)}
      <ErrorReferences error={error} />
    </Alert>
  );
}

/** A short "Loading …" line, announced to screen readers. */
export function Loading({ label }: { label: string }) {
  return (
    <Box role="status" aria-live="polite" sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 2 }}>
      <CircularProgress size={18} aria-hidden />
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
    </Box>
  );
}

/** What an empty list means, and what to do about it. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
      {children}
    </Typography>
  );
}

import { Box, Button, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { CreateButton, useListContext } from 'react-admin';
import { RequestError } from '../../ui/ListStates';

function EmptyState({ title, children, action }: { title: string; children: ReactNode; action: ReactNode }) {
  return (
    <Box sx={{ p: 4, textAlign: 'center' }}>
      <Typography variant="h6" component="p" gutterBottom>
        {title}
      </Typography>
      <Typography color="text.secondary">{children}</Typography>
      <Box sx={{ mt: 2 }}>{action}</Box>
    </Box>
  );
}

/** No companies at all (and no filters). */
export function NoCompanies() {
  return (
    <EmptyState title="No companies yet" action={<CreateButton label="New company" variant="contained" />}>
      Companies created here or in Codat appear in this list.
    </EmptyState>
  );
}

/** Filters that match nothing, with a way back. */
export function NoMatchingCompanies() {
  const { setFilters } = useListContext();
  return (
    <EmptyState
      title="No companies match these filters"
      action={
        <Button variant="outlined" onClick={() => setFilters({}, [])}>
          Clear filters
        </Button>
      }
    >
      Check the spelling, paste the company id or merchant id, or clear the filters.
    </EmptyState>
  );
}

/** The list request failed: the BFF's words and request id, and a retry. */
export function CompaniesError() {
  const { error, refetch } = useListContext();
  return (
    <Box sx={{ p: 2 }}>
      <RequestError title="The companies could not be loaded" error={error} onRetry={() => void refetch()} />
    </Box>
  );
}

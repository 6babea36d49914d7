import { Box, Chip, Stack, Typography } from '@mui/material';
import { DateText } from '../../share/DateText';
import type { ConnectionError } from './types';

const isActive = (error: ConnectionError) => error.status !== 'Resolved';

function ErrorItem({ error }: { error: ConnectionError }) {
  const active = isActive(error);
  const heading = [error.statusCode, error.statusText].filter(Boolean).join(' ') || 'Error';
  return (
    <Box
      component="li"
      sx={{
        listStyle: 'none',
        p: 1.5,
        borderRadius: 1,
        borderLeft: 4,
        borderColor: active ? '#b3261e' : 'grey.400',
        bgcolor: active ? '#fdf0ef' : 'grey.50',
        color: active ? 'text.primary' : 'text.secondary',
      }}
    >
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {heading}
        </Typography>
        <Chip
          size="small"
          label={error.status === 'Resolved' ? 'Resolved' : error.status === 'Active' ? 'Active' : 'Not transient'}
          sx={active ? { color: '#8c1d18', bgcolor: '#fbdad6' } : { color: '#424242', bgcolor: '#e6e6e6' }}
        />
      </Stack>
      {error.errorMessage && error.errorMessage !== error.statusText && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {error.errorMessage}
        </Typography>
      )}
      <Stack direction="row" spacing={2} useFlexGap sx={{ mt: 0.5, flexWrap: 'wrap' }}>
        <DateText value={error.erroredOnUtc} prefix="errored" empty="error time unknown" />
        {error.status === 'Resolved' && <DateText value={error.resolvedOnUtc} prefix="resolved" empty="resolved (time unknown)" />}
      </Stack>
    </Box>
  );
}

/** A connection's dataConnectionErrors: active ones first and marked, resolved ones greyed with when they were resolved. */
export function ConnectionErrors({ errors, headingId }: { errors: ConnectionError[]; headingId: string }) {
  const ordered = [...errors.filter(isActive), ...errors.filter((error) => !isActive(error))];
  const active = ordered.filter(isActive).length;
  return (
    <Box>
      <Typography id={headingId} variant="subtitle2" component="h4">
        {errors.length === 0 ? 'No errors' : `Errors: ${active} active, ${errors.length - active} resolved`}
      </Typography>
      {errors.length > 0 && (
        <Stack component="ul" aria-labelledby={headingId} spacing={1} sx={{ p: 0, m: 0, mt: 1 }}>
          {ordered.map((error, index) => (
            <ErrorItem key={`${error.erroredOnUtc}-${index}`} error={error} />
          ))}
        </Stack>
      )}
    </Box>
  );
}

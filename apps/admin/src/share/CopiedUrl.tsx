import { Alert, AlertTitle, Stack, TextField, Typography } from '@mui/material';
import type { FreshUrlState } from './useFreshUrl';
import { formatClock } from './time';
import { urlLabel } from './urlLabel';
import { useNow } from './useNow';

/** What was just copied: its kind and expiry (counting down), the note for staff and the message. */
export function CopiedUrl({ copied, name }: { copied: NonNullable<FreshUrlState['copied']>; name: string }) {
  const now = useNow(15_000);
  const { url, part, at } = copied;
  return (
    <Alert severity="success" role="status" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <AlertTitle>{urlLabel(url, name, now)}</AlertTitle>
      <Stack spacing={1}>
        <Typography variant="body2">
          {part === 'message' ? 'Message' : 'Link'} copied at {formatClock(new Date(at))}.
          {url.oneTime ? ' It works once: fetch a new one for every send.' : ''}
        </Typography>
        {url.note && <Typography variant="body2">{url.note}</Typography>}
        {url.message && (
          <TextField
            label="Message to send"
            value={url.message}
            multiline
            minRows={3}
            maxRows={10}
            fullWidth
            size="small"
            slotProps={{ htmlInput: { readOnly: true } }}
          />
        )}
      </Stack>
    </Alert>
  );
}

import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import MailOutlineIcon from '@mui/icons-material/EmailOutlined';
import { Alert, Box, Button, Chip, Stack, Typography } from '@mui/material';
import { useId, type ReactNode } from 'react';
import type { SharedUrl } from '../providers/dataProvider';
import { RequestError } from '../ui/ListStates';
import { CopiedUrl } from './CopiedUrl';
import { useFreshUrl } from './useFreshUrl';

export interface ShareOptionProps {
  /** Heading of the option, e.g. "Company Link URL". */
  title: string;
  /** Platform or company name for the copied label ("QuickBooks Online link — …"). */
  name: string;
  description: ReactNode;
  /** Called on every copy, never before. */
  fetchUrl: () => Promise<SharedUrl>;
  recommended?: boolean;
  warning?: ReactNode;
  copyLabel?: string;
}

/** One URL to share: what it is for, "Copy link" and "Copy message" (each fetches it fresh), and what was copied. */
export function ShareOption({ title, name, description, fetchUrl, recommended, warning, copyLabel = 'Copy link' }: ShareOptionProps) {
  const titleId = useId();
  const { copied, pending, error, copy } = useFreshUrl(fetchUrl);
  return (
    <Box component="section" aria-labelledby={titleId} sx={{ py: 1.5 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
        <Typography id={titleId} variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        {recommended && <Chip size="small" color="primary" label="Recommended" />}
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {description}
      </Typography>
      {warning && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {warning}
        </Alert>
      )}
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
        <Button
          variant={recommended ? 'contained' : 'outlined'}
          size="small"
          startIcon={<ContentCopyIcon />}
          loading={pending === 'url'}
          disabled={pending !== undefined}
          onClick={() => void copy('url')}
        >
          {copyLabel}
        </Button>
        <Button
          variant="text"
          size="small"
          startIcon={<MailOutlineIcon />}
          loading={pending === 'message'}
          disabled={pending !== undefined}
          onClick={() => void copy('message')}
        >
          Copy message
        </Button>
      </Stack>
      {error !== undefined && <RequestError error={error} />}
      {copied && <CopiedUrl copied={copied} name={name} />}
    </Box>
  );
}

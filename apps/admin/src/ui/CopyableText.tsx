import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Box, IconButton, Tooltip } from '@mui/material';
import { useState } from 'react';
import { visuallyHidden } from './visuallyHidden';

/** An id in monospace with a copy button (`label` names it for screen readers: "request id"). */
export function CopyableText({ value, label }: { value: string | null | undefined; label: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  if (!value)
    return (
      <span>
        —<Box component="span" sx={visuallyHidden}>{`no ${label}`}</Box>
      </span>
    );
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied(undefined), 2000);
  };
  const tip = copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy failed: select the text instead' : `Copy ${label}`;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
      <Box component="code" sx={{ fontSize: '0.8rem', wordBreak: 'break-all' }}>
        {value}
      </Box>
      <Tooltip title={tip}>
        <IconButton size="small" aria-label={`Copy ${label} ${value}`} onClick={copy}>
          <ContentCopyIcon fontSize="inherit" />
        </IconButton>
      </Tooltip>
      <Box component="span" role="status" sx={visuallyHidden}>
        {copied === 'yes' ? `${label} copied` : copied === 'failed' ? 'Copy failed' : ''}
      </Box>
    </Box>
  );
}

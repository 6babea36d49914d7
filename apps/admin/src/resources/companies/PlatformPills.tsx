import ErrorIcon from '@mui/icons-material/Error';
import { Box, Chip, Stack, Tooltip, Typography } from '@mui/material';
import { visuallyHidden } from '../../ui/visuallyHidden';
import { PlatformPill, statusStyle } from '../connections/StatusPill';
import type { CompanyRecord } from './types';

/** Connection statuses that need attention come first, so they are not hidden behind "+N". */
const STATUS_ORDER = ['Deauthorized', 'PendingAuth', 'Linked', 'Unlinked'];
const rank = (status: string) => {
  const index = STATUS_ORDER.indexOf(status);
  return index === -1 ? STATUS_ORDER.length : index;
};

export interface PlatformPillsProps {
  company: Pick<CompanyRecord, 'platforms' | 'activeErrorCount'>;
  /** Pills shown before the rest are summed up as "+N". */
  max?: number;
}

/** A company's connections as status-coloured platform pills, "+N" beyond `max`, and its active errors. */
export function PlatformPills({ company, max = 4 }: PlatformPillsProps) {
  const platforms = [...company.platforms].sort((a, b) => rank(a.status) - rank(b.status));
  const shown = platforms.slice(0, max);
  const rest = platforms.slice(max);
  if (platforms.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No connections
      </Typography>
    );
  }
  const restText = rest.map((platform) => `${platform.name}: ${statusStyle(platform.status).label}`).join(', ');
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      {shown.map((platform) => (
        <PlatformPill key={platform.connectionId} name={platform.name} status={platform.status} />
      ))}
      {rest.length > 0 && (
        <Tooltip title={restText} describeChild>
          <Chip
            size="small"
            variant="outlined"
            label={
              <>
                {`+${rest.length}`}
                <Box component="span" sx={visuallyHidden}>{` more: ${restText}`}</Box>
              </>
            }
          />
        </Tooltip>
      )}
      {company.activeErrorCount > 0 && <ErrorBadge count={company.activeErrorCount} />}
    </Stack>
  );
}

/** "2 errors" in red, for active connection errors. */
export function ErrorBadge({ count }: { count: number }) {
  return (
    <Chip
      size="small"
      icon={<ErrorIcon />}
      label={count === 1 ? '1 error' : `${count} errors`}
      title={`${count} active connection ${count === 1 ? 'error' : 'errors'}`}
      sx={{ color: '#9f1c1c', bgcolor: '#fde8e8', fontWeight: 500, '& .MuiChip-icon': { color: '#9f1c1c' } }}
    />
  );
}

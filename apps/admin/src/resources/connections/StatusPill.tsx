import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlineOutlined';
import HourglassTopIcon from '@mui/icons-material/HourglassTop';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Box, Chip } from '@mui/material';
import { visuallyHidden } from '../../ui/visuallyHidden';
import type { ReactElement } from 'react';

interface StatusStyle {
  label: string;
  icon: ReactElement;
  color: string;
  bg: string;
}

/** Colour and icon per connection status; text colours keep 4.5:1 contrast on their backgrounds. */
const STATUS_STYLES: Record<string, StatusStyle> = {
  Linked: { label: 'Linked', icon: <CheckCircleIcon />, color: '#1e5e2f', bg: '#e3f3e7' },
  Deauthorized: { label: 'Deauthorized', icon: <WarningAmberIcon />, color: '#6b4500', bg: '#fff1cc' },
  Unlinked: { label: 'Unlinked', icon: <LinkOffIcon />, color: '#424242', bg: '#ececec' },
  PendingAuth: { label: 'Pending auth', icon: <HourglassTopIcon />, color: '#5b2a86', bg: '#f1e8fb' },
};

/** Codat may add statuses: unknown ones render as-is, in a neutral colour. */
export function statusStyle(status: string): StatusStyle {
  return STATUS_STYLES[status] ?? { label: status, icon: <HelpOutlineIcon />, color: '#283593', bg: '#e8eaf6' };
}

export const CONNECTION_STATUS_CHOICES = Object.entries(STATUS_STYLES).map(([id, style]) => ({ id, name: style.label }));

const pillSx = (style: StatusStyle) => ({
  color: style.color,
  bgcolor: style.bg,
  fontWeight: 500,
  '& .MuiChip-icon': { color: style.color },
});

/** A connection status as a coloured pill with an icon (never colour alone). */
export function StatusPill({ status, size = 'small' }: { status: string; size?: 'small' | 'medium' }) {
  const style = statusStyle(status);
  return <Chip size={size} icon={style.icon} label={style.label} sx={pillSx(style)} />;
}

/** A platform coloured by its connection's status: "QuickBooks Online" with the status for screen readers. */
export function PlatformPill({ name, status }: { name: string; status: string }) {
  const style = statusStyle(status);
  return (
    <Chip
      size="small"
      icon={style.icon}
      title={`${name}: ${style.label}`}
      label={
        <>
          {name}
          <Box component="span" sx={visuallyHidden}>
            {`: ${style.label}`}
          </Box>
        </>
      }
      sx={pillSx(style)}
    />
  );
}

import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import { lazy } from 'react';

/** Fleet-wide connection errors from the mirror (everyone with diagnostics.read): loaded on demand. */
export const connectionErrorGroups = {
  name: 'connection-error-groups',
  list: lazy(() => import('./ErrorGroupList')),
  show: lazy(() => import('./ErrorGroupShow')),
  icon: ErrorOutlineIcon,
  options: { label: 'Connection errors' },
};

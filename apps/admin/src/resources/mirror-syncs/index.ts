import CloudSyncIcon from '@mui/icons-material/CloudSync';
import { lazy } from 'react';

/** The mirror's sync runs and "Sync now" (admins, staff.manage): loaded on demand. */
export const mirrorSyncs = {
  name: 'mirror-syncs',
  list: lazy(() => import('./MirrorSyncList')),
  icon: CloudSyncIcon,
  options: { label: 'Mirror syncs' },
};

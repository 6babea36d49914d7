import CloudSyncIcon from '@mui/icons-material/CloudSync';
import { lazyScreen } from '../../ui/lazyScreen';

/** The mirror's sync runs and "Sync now" (admins, staff.manage): loaded on demand. */
export const mirrorSyncs = {
  name: 'mirror-syncs',
  list: lazyScreen('mirror-syncs', () => import('./MirrorSyncList')),
  icon: CloudSyncIcon,
  options: { label: 'Mirror syncs' },
};

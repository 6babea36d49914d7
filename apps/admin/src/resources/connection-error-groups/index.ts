import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import { lazyScreen } from '../../ui/lazyScreen';

/** Fleet-wide connection errors from the mirror (everyone with diagnostics.read): loaded on demand. */
export const connectionErrorGroups = {
  name: 'connection-error-groups',
  list: lazyScreen('connection-error-groups', () => import('./ErrorGroupList')),
  show: lazyScreen('connection-error-groups', () => import('./ErrorGroupShow')),
  icon: ErrorOutlineIcon,
  options: { label: 'Connection errors' },
};

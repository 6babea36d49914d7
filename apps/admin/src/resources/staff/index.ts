import PeopleIcon from '@mui/icons-material/People';
import { lazyScreen } from '../../ui/lazyScreen';

/** Staff accounts (admin only): loaded on demand, not part of the first screen. */
export const staff = {
  name: 'staff',
  list: lazyScreen('staff', () => import('./StaffList')),
  icon: PeopleIcon,
  options: { label: 'Staff' },
};

import PeopleIcon from '@mui/icons-material/People';
import { lazy } from 'react';

/** Staff accounts (admin only): loaded on demand, not part of the first screen. */
export const staff = {
  name: 'staff',
  list: lazy(() => import('./StaffList')),
  icon: PeopleIcon,
  options: { label: 'Staff' },
};

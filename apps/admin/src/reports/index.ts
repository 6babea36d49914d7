import AssessmentIcon from '@mui/icons-material/Assessment';
import { lazyScreen } from '../ui/lazyScreen';

/**
 * Finance's reports (reports.read) under #/reports/*: connection counts and possible duplicates.
 * A resource so the menu shows it only to roles that may read reports; the screens load on demand.
 */
export const reports = {
  name: 'reports',
  list: lazyScreen('reports', () => import('./ReportsPage')),
  icon: AssessmentIcon,
  options: { label: 'Reports' },
};

import AssessmentIcon from '@mui/icons-material/Assessment';
import { lazyScreen } from '../ui/lazyScreen';

/**
 * The reports, one tab and URL each (#/reports/<path>). Declared here, beside the page, so that
 * opening #/reports fetches the page's code and its reports' together.
 */
export const REPORTS = [
  { path: 'connection-counts', label: 'Connection counts', Screen: lazyScreen('reports', () => import('./ConnectionCountsReport')) },
  { path: 'possible-duplicates', label: 'Possible duplicates', Screen: lazyScreen('reports', () => import('./DuplicatesReport')) },
];

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

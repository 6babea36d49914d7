import ReportIcon from '@mui/icons-material/ReportOutlined';
import { lazyScreen } from '../../ui/lazyScreen';

/** Probable platform incidents, current and recent (everyone with diagnostics.read): loaded on demand. */
export const incidents = {
  name: 'incidents',
  list: lazyScreen('incidents', () => import('./IncidentList')),
  icon: ReportIcon,
  options: { label: 'Incidents' },
};

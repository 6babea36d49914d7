import HistoryIcon from '@mui/icons-material/History';
import { lazyScreen } from '../../ui/lazyScreen';

/** The audit log (finance, admin): loaded on demand, it is not part of the first screen. */
export const auditEvents = {
  name: 'audit-events',
  list: lazyScreen('audit-events', () => import('./AuditEventList')),
  icon: HistoryIcon,
  options: { label: 'Audit log' },
};

import HistoryIcon from '@mui/icons-material/History';
import { lazy } from 'react';

/** The audit log (finance, admin): loaded on demand, it is not part of the first screen. */
export const auditEvents = {
  name: 'audit-events',
  list: lazy(() => import('./AuditEventList')),
  icon: HistoryIcon,
  options: { label: 'Audit log' },
};

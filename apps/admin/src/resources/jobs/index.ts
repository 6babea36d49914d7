import PlaylistPlayIcon from '@mui/icons-material/PlaylistPlay';
import { lazyScreen } from '../../ui/lazyScreen';

/** Bulk jobs (a refresh over an error group or a list of companies) and their progress: loaded on demand. */
export const jobs = {
  name: 'jobs',
  list: lazyScreen('jobs', () => import('./JobList')),
  show: lazyScreen('jobs', () => import('./JobShow')),
  icon: PlaylistPlayIcon,
  options: { label: 'Bulk jobs' },
};

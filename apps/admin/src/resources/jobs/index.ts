import PlaylistPlayIcon from '@mui/icons-material/PlaylistPlay';
import { lazy } from 'react';

/** Bulk jobs (a refresh over an error group or a list of companies) and their progress: loaded on demand. */
export const jobs = {
  name: 'jobs',
  list: lazy(() => import('./JobList')),
  show: lazy(() => import('./JobShow')),
  icon: PlaylistPlayIcon,
  options: { label: 'Bulk jobs' },
};

import { Chip } from '@mui/material';
import { ROLE_LABELS, type Role } from '@console/contracts';
import { AppBar as RaAppBar, TitlePortal, useGetIdentity } from 'react-admin';
import { GlobalSearch } from '../search/GlobalSearch';

/** The signed-in person's role beside their name, and the global search (Ctrl/Cmd+K). */
export function AppBar() {
  const { identity } = useGetIdentity();
  const role = identity?.role as Role | undefined;
  return (
    <RaAppBar>
      <TitlePortal />
      <GlobalSearch />
      {role && <Chip label={ROLE_LABELS[role]} size="small" color="default" sx={{ mx: 1, bgcolor: 'rgba(255,255,255,0.85)' }} />}
    </RaAppBar>
  );
}

import { Chip } from '@mui/material';
import { ROLE_LABELS, type Role } from '@console/contracts';
import { AppBar as RaAppBar, TitlePortal, useGetIdentity, UserMenu } from 'react-admin';
import { GlobalSearch } from '../search/GlobalSearch';

/** The signed-in person's role beside their name, and the global search (Ctrl/Cmd+K). */
export function AppBar() {
  const { identity } = useGetIdentity();
  const role = identity?.role as Role | undefined;
  return (
    // The menu button shows the person's name, so its accessible name must contain it (WCAG 2.5.3).
    <RaAppBar userMenu={<UserMenu label={identity?.fullName ? `${identity.fullName} (account menu)` : 'Account menu'} />}>
      <TitlePortal />
      <GlobalSearch />
      {role && <Chip label={ROLE_LABELS[role]} size="small" color="default" sx={{ mx: 1, bgcolor: 'rgba(255,255,255,0.85)' }} />}
    </RaAppBar>
  );
}

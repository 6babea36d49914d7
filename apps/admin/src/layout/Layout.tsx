import type { Permission } from '@console/contracts';
import { useEffect, type ReactNode } from 'react';
import { Layout as RaLayout, usePermissions } from 'react-admin';
import { PendingOperations } from '../operations/PendingOperations';
import { preloadScreens } from '../ui/lazyScreen';
import { AppBar } from './AppBar';

export function Layout({ children }: { children: ReactNode }) {
  const { permissions } = usePermissions<Permission[]>();
  // Signed in: fetch the code of the role's screens once the browser is idle, so a click waits only for data.
  useEffect(() => {
    if (!permissions || typeof requestIdleCallback !== 'function') return;
    const idle = requestIdleCallback(() => preloadScreens(permissions));
    return () => cancelIdleCallback(idle);
  }, [permissions]);
  return (
    <RaLayout appBar={AppBar}>
      {children}
      <PendingOperations />
    </RaLayout>
  );
}

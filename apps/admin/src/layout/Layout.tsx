import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { PendingOperations } from '../operations/PendingOperations';
import { AppBar } from './AppBar';

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RaLayout appBar={AppBar}>
      {children}
      <PendingOperations />
    </RaLayout>
  );
}

import type { Role } from '@console/contracts';
import { Box, Typography } from '@mui/material';
import type { ComponentType } from 'react';
import { Title, useGetIdentity } from 'react-admin';
import { Loading, RequestError } from '../ui/ListStates';
import { AuditCard, ReportsCard, StaffCard } from './AuditCard';
import { BrokenConnectionsCard, NotSyncingCard, PendingConnectionsCard } from './cards';
import { FleetHealthCharts } from './FleetHealthCharts';

/** What each role opens the console to: the things that need its attention, with links to act. */
export const CARDS_BY_ROLE: Record<Role, ComponentType[]> = {
  support: [BrokenConnectionsCard, NotSyncingCard],
  customer_success: [PendingConnectionsCard],
  finance: [AuditCard, ReportsCard],
  admin: [BrokenConnectionsCard, NotSyncingCard, PendingConnectionsCard, AuditCard, StaffCard],
};

/** The default screen: the fleet's health at a glance, then what needs the role's attention. Each part loads on its own, so one failing request never blanks the page. */
export function Dashboard() {
  const { identity, isPending, error, refetch } = useGetIdentity();
  const role = identity?.role as Role | undefined;
  const cards = role ? CARDS_BY_ROLE[role] ?? [] : [];
  return (
    <Box sx={{ p: 2, display: 'grid', gap: 2 }}>
      <Title title="Dashboard" />
      <Typography variant="h4" component="h1">
        Dashboard
      </Typography>
      {isPending ? (
        <Loading label="Loading your dashboard…" />
      ) : error ? (
        <RequestError title="Could not tell who is signed in" error={error} onRetry={() => void refetch()} />
      ) : (
        <>
          {role && <FleetHealthCharts role={role} />}
          <Typography variant="h5" component="h2">
            Needs your attention
          </Typography>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, 1fr)', xl: 'repeat(3, 1fr)' } }}>
            {cards.map((Card, index) => (
              <Card key={index} />
            ))}
          </Box>
        </>
      )}
    </Box>
  );
}

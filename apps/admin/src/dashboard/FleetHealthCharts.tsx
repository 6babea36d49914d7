import type { Role } from '@console/contracts';
import { Box, Typography } from '@mui/material';
import type { ComponentType } from 'react';
import { useApiQuery } from '../reports/useApiQuery';
import { Loading, RequestError } from '../ui/ListStates';
import { ActiveErrorsChart, ConnectionsByStatusChart, OpenIncidentsChart, StuckOrFailingSyncsChart } from './fleetCharts';
import type { FleetHealth } from './fleetHealthTypes';

type Chart = ComponentType<{ health: FleetHealth }>;

/**
 * The fleet at a glance, for the roles that diagnose it (all four charts); finance sees the
 * connections it bills, customer success also the incidents it reaches out about.
 */
export const CHARTS_BY_ROLE: Record<Role, Chart[]> = {
  support: [ConnectionsByStatusChart, ActiveErrorsChart, OpenIncidentsChart, StuckOrFailingSyncsChart],
  admin: [ConnectionsByStatusChart, ActiveErrorsChart, OpenIncidentsChart, StuckOrFailingSyncsChart],
  customer_success: [ConnectionsByStatusChart, OpenIncidentsChart],
  finance: [ConnectionsByStatusChart],
};

/** One request (GET /api/fleet-health) feeds every chart; each chart links to the list behind it. */
export function FleetHealthCharts({ role }: { role: Role }) {
  const charts = CHARTS_BY_ROLE[role] ?? [];
  const { data, error, reload } = useApiQuery<FleetHealth>(charts.length > 0 ? '/fleet-health' : null);
  if (charts.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="fleet-health-heading" sx={{ display: 'grid', gap: 2 }}>
      <Typography id="fleet-health-heading" variant="h5" component="h2">
        Fleet health
      </Typography>
      {error != null ? (
        <RequestError title="Could not load the fleet's health" error={error} onRetry={reload} />
      ) : !data ? (
        <Loading label="Loading the fleet's health…" />
      ) : (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'repeat(2, 1fr)' } }}>
          {charts.map((Chart, index) => (
            <Chart key={index} health={data} />
          ))}
        </Box>
      )}
    </Box>
  );
}

import { Hono } from 'hono';
import type { BffDeps } from '../../deps.js';
import { setRefreshedAt } from '../../mirror/freshness.js';
import type { OpenApiRegistry } from '../../openapi/registry.js';
import { fleetHealth } from './fleet-health.js';
import { FLEET_HEALTH_DAYS, fleetHealthSchema, STUCK_AFTER_DAYS } from './schemas.js';

/** The dashboard's charts: the fleet's health over the last 30 days, from the mirror. */
export function fleetHealthRoutes(deps: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const health = await fleetHealth(deps.db, deps.now());
    setRefreshedAt(c, health.refreshedAt);
    return c.json(health);
  });

  docs.add({
    method: 'get',
    path: '/fleet-health',
    tag: 'fleet-health',
    summary:
      `The fleet at a glance over the last ${FLEET_HEALTH_DAYS} days, from the mirror: connections by status per daily snapshot, connection errors active per day, ` +
      `open probable incidents, companies with a Linked connection by last sync (stuck: more than ${STUCK_AFTER_DAYS} days) and Linked connections with an active error. ` +
      'Each figure says when it was taken.',
    response: fleetHealthSchema,
  });
  return app;
}

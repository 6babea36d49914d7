import { Hono } from 'hono';
import type { BffDeps } from '../../deps.js';
import { mirrorRefreshedAt, setRefreshedAt } from '../../mirror/freshness.js';
import { mirrorRuntime } from '../../mirror/runtime.js';
import type { OpenApiRegistry } from '../../openapi/registry.js';
import { INCIDENT_RULE } from '../connection-error-groups/incident.js';
import { GROWING_HOURS, RECENT_DAYS } from './find-incidents.js';
import { incidents } from './incidents.js';
import { incidentsResponseSchema, type IncidentsResponse } from './schemas.js';

const GROWING_RULE = `Growing: more companies were hit in the last ${GROWING_HOURS} hours than in the ${GROWING_HOURS} hours before.`;

/** Probable platform incidents, current and recent, from the mirror's error groups. */
export function incidentsRoutes(deps: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const [found, refreshedAt] = await Promise.all([incidents(deps.db, deps.now()), mirrorRefreshedAt(deps.db)]);
    setRefreshedAt(c, refreshedAt);
    const body: IncidentsResponse = {
      rule: INCIDENT_RULE,
      growingRule: GROWING_RULE,
      recentDays: RECENT_DAYS,
      retentionMonths: mirrorRuntime(deps).settings.retentionMonths,
      incidents: found,
    };
    return c.json(body);
  });

  docs.add({
    method: 'get',
    path: '/incidents',
    tag: 'incidents',
    summary:
      `Current probable incidents and those that met the rule within the last ${RECENT_DAYS} days, each an error group with its companies per day ` +
      `over 30 days, the baseline before it started, when it started (and ended), whether it is growing, and its notes. ${INCIDENT_RULE} ${GROWING_RULE}`,
    response: incidentsResponseSchema,
  });
  return app;
}

import { can, OPERATION_STATES, type OperationRecord } from '@console/contracts';
import { asc, eq, or } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { currentStaff } from '../auth/context.js';
import { auditEvents } from '../db/schema/index.js';
import type { BffDeps } from '../deps.js';
import { notFound } from '../http/api-error.js';
import { readParam } from '../http/request-input.js';
import type { OpenApiRegistry } from '../openapi/registry.js';

export const operationSchema: z.ZodType<OperationRecord> = z.object({
  id: z.number().int().describe('The audit id of the action’s attempt.'),
  action: z.string(),
  state: z.enum(OPERATION_STATES).describe('running: no answer yet; unknown: Codat did not answer and the console is checking; ok/failed/refused: final.'),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  connectionId: z.string().nullable(),
  sourceAccountId: z.string().nullable(),
  reason: z.string().nullable(),
  checkedInCodat: z.boolean().describe('The final outcome came from looking in Codat after an unknown answer or a crash.'),
});

/**
 * `GET /operations/:id`: what became of an action, from its audit entries. The SPA polls it after
 * a 504 `outcome_unknown` to show the result where the user left it.
 */
export function operationsRoutes({ db }: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();
  app.get('/:id', async (c) => {
    const id = readParam(c, 'id', z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER), 'operation id');
    const staff = currentStaff(c);
    const rows = await db
      .select()
      .from(auditEvents)
      .where(or(eq(auditEvents.id, id), eq(auditEvents.attemptId, id)))
      .orderBy(asc(auditEvents.id));
    const attempt = rows.find((row) => row.id === id && row.outcome === 'attempt');
    if (!attempt || (attempt.actorId !== staff.id && !can(staff.role, 'audit.read'))) throw notFound(`No operation ${id} of yours.`);
    const final = rows.find((row) => row.outcome === 'ok' || row.outcome === 'failed' || row.outcome === 'refused');
    const latest = final ?? rows.find((row) => row.outcome === 'unknown') ?? attempt;
    const operation: OperationRecord = {
      id,
      action: attempt.action,
      state: latest.outcome === 'attempt' ? 'running' : (latest.outcome as OperationRecord['state']),
      startedAt: attempt.at.toISOString(),
      finishedAt: final ? final.at.toISOString() : null,
      companyId: latest.companyId,
      companyName: latest.companyName,
      connectionId: latest.connectionId,
      sourceAccountId: latest.sourceAccountId,
      reason: latest.reason,
      checkedInCodat: final?.details?.resolvedBy === 'codat-check',
    };
    return c.json(operation);
  });
  docs.add({
    method: 'get',
    path: '/operations/{id}',
    tag: 'operations',
    summary:
      'What became of an action (a 504 outcome_unknown names its id): running, unknown while the console checks Codat, then ok (with the ids made), failed or refused. Your own actions; audit readers see all.',
    response: operationSchema,
  });
  return app;
}

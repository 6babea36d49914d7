import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditRows, lastAuditId } from '../../test/audit-entries.js';
import { startStack, type Stack } from '../../test/stack.js';
import { apiAccess } from '../auth/access.js';
import { exactlyOnce } from '../exactly-once/idempotency.js';
import type { BffDeps } from '../deps.js';
import { readJsonBody } from '../http/request-input.js';
import { onError } from '../http/on-error.js';
import { AuditLog } from './audit-log.js';
import { withAudit } from './index.js';

/**
 * How a resource handler records an action that changes Codat: the same /api gate as the real
 * app, and a `POST /api/companies` whose Codat call runs inside withAudit.
 */
function exampleApp(deps: BffDeps, afterCodat: () => Promise<void> = async () => {}) {
  const api = new Hono();
  api.use(apiAccess(deps, new AuditLog(deps.db, deps.now, deps.logger)));
  api.use(exactlyOnce({ db: deps.db, now: deps.now, settleMs: 60_000, watch: () => undefined }));
  api.post('/companies', async (c) => {
    const { name } = await readJsonBody(c, z.object({ name: z.string().min(1) }));
    const company = await withAudit(c, 'company.create', { companyName: name }, async (draft) => {
      const created = await deps.codat.companies.create({ name });
      draft.target.companyId = created.id;
      await afterCodat();
      return created;
    });
    return c.json(company, 201);
  });
  const app = new Hono();
  app.use(requestId());
  app.route('/api', api);
  app.onError(onError(deps.logger));
  return app;
}

describe('withAudit around a Codat change', () => {
  let stack: Stack;
  let post: (app: Hono, name: string) => Promise<{ status: number; body: any }>;
  const companies = () => stack.emu.store.companies.size;
  const renameAuditTable = (from: string, to: string) => stack.db.execute(sql.raw(`alter table ${from} rename to ${to}`));

  beforeAll(async () => {
    stack = await startStack({ scenario: 'empty' });
    const support = await stack.as('support');
    post = async (app, name) => {
      const response = await app.request('http://console.test/api/companies', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: support.cookie!, 'X-CSRF-Token': support.session!.csrfToken },
        body: JSON.stringify({ name }),
      });
      return { status: response.status, body: await response.json() };
    };
  });
  afterAll(() => stack.close());

  it('writes an attempt before calling Codat, then ok with the new company’s id', async () => {
    const before = await lastAuditId(stack.db);
    const created = await post(exampleApp(stack.deps), 'Audited Ltd');
    expect(created.status).toBe(201);
    const [attempt, outcome] = await auditRows(stack.db, before);
    expect(attempt).toMatchObject({ action: 'company.create', outcome: 'attempt', companyName: 'Audited Ltd', companyId: null, actorRole: 'support' });
    expect(outcome).toMatchObject({ action: 'company.create', outcome: 'ok', attemptId: attempt!.id, companyId: created.body.id, companyName: 'Audited Ltd' });
    expect(outcome!.requestId).toBe(attempt!.requestId);
  });

  it('records a Codat failure with its reason and correlation id, and answers Codat’s error', async () => {
    const before = await lastAuditId(stack.db);
    stack.emu.faults.settings = { latencyMs: 0, errorRate: 0, errorStatus: 500, burst: { status: 503, count: 1 } };
    const failed = await post(exampleApp(stack.deps), 'Unlucky Ltd');
    stack.emu.faults.reset();
    expect(failed.status).toBe(503);
    const [attempt, outcome] = await auditRows(stack.db, before);
    expect(attempt).toMatchObject({ outcome: 'attempt' });
    expect(outcome).toMatchObject({ outcome: 'failed', attemptId: attempt!.id, codatCorrelationId: failed.body.error.codatCorrelationId });
    expect(outcome!.reason).toMatch(/^Codat 503/);
  });

  it('does nothing in Codat when the attempt cannot be recorded (503 audit_unavailable)', async () => {
    const count = companies();
    await renameAuditTable('audit_events', 'audit_events_offline');
    try {
      const refused = await post(exampleApp(stack.deps), 'Unrecorded Ltd');
      expect(refused).toMatchObject({ status: 503, body: { error: { code: 'audit_unavailable' } } });
    } finally {
      await renameAuditTable('audit_events_offline', 'audit_events');
    }
    expect(companies()).toBe(count);
  });

  it('leaves the attempt as evidence when the outcome cannot be written, and says the action was done', async () => {
    const before = await lastAuditId(stack.db);
    const count = companies();
    const app = exampleApp(stack.deps, () => renameAuditTable('audit_events', 'audit_events_offline').then(() => undefined));
    try {
      const answer = await post(app, 'Half Recorded Ltd');
      expect(answer).toMatchObject({ status: 503, body: { error: { code: 'audit_unavailable', message: expect.stringContaining('Do not repeat it') } } });
    } finally {
      await renameAuditTable('audit_events_offline', 'audit_events');
    }
    expect(companies()).toBe(count + 1);
    expect(await auditRows(stack.db, before)).toMatchObject([{ action: 'company.create', outcome: 'attempt', companyName: 'Half Recorded Ltd' }]);
  });
});

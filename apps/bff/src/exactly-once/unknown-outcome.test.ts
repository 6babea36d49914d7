import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, lastAuditId } from '../../test/audit-entries.js';
import { startStack, type Stack } from '../../test/stack.js';
import { until } from '../../test/until.js';
import { DEMO_FIXTURES as F } from '@console/codat-emulator';

const TIMEOUT_MS = 800;
/** Codat applies a create after the console gave up on it (reads stay fast): a timeout after the fact. */
const SLOW_MS = 1_600;


describe('an action Codat does not answer in time', () => {
  let stack: Stack;
  const operation = (id: number) => until(() => stack.json(`/api/operations/${id}`), (answer) => !['running', 'unknown'].includes(answer.body.state), { timeoutMs: 20_000 });
  const slowly = async <T>(fn: () => Promise<T>, options: { refuseAfterDelay?: boolean } = {}) => {
    stack.emu.faults.settings = { ...stack.emu.faults.settings, latencyMs: SLOW_MS, methods: ['POST'] };
    if (options.refuseAfterDelay) stack.emu.faults.settings.burst = { status: 500, count: 1 };
    try {
      return await fn();
    } finally {
      stack.emu.faults.reset();
    }
  };

  beforeAll(async () => {
    stack = await startStack({
      client: { timeoutMs: TIMEOUT_MS, retry: { maxAttempts: 1, initialDelayMs: 10, maxDelayMs: 10, maxTotalMs: 1_000 } },
      settings: { actions: { settleMs: 3_000, sweepIntervalMs: 60_000 } },
    });
  });
  afterAll(() => stack.close());

  it('says the outcome is unknown, then finds the company in Codat by its operation tag and records ok with its id', async () => {
    const before = await lastAuditId(stack.db);
    const answer = await slowly(() => stack.json('/api/companies', { method: 'POST', body: { name: 'Slow Answer Saddlery' } }));
    expect(answer).toMatchObject({ status: 504, body: { error: { code: 'outcome_unknown', message: expect.stringContaining('do not repeat it') } } });
    const operationId = answer.body.error.details.operationId as number;

    const settled = await operation(operationId);
    const made = [...stack.emu.store.companies.values()].filter((company) => company.name === 'Slow Answer Saddlery');
    expect(made).toHaveLength(1);
    expect(settled.body).toMatchObject({ state: 'ok', companyId: made[0]!.id, checkedInCodat: true });
    expect((await auditRows(stack.db, before)).map((row) => [row.outcome, row.companyId])).toEqual([
      ['attempt', null],
      ['unknown', null],
      ['ok', made[0]!.id],
    ]);
    // The company is a candidate for the next creation, as if the console had seen the answer.
    const again = await stack.json('/api/companies', { method: 'POST', body: { name: 'Slow Answer Saddlery', confirmNewCompany: { reason: 'Retrying the same thing' } } });
    expect(again).toMatchObject({ status: 409, body: { error: { details: { candidates: [{ id: made[0]!.id }] } } } });
  });

  it('records failed once the settle time has passed and Codat shows nothing', async () => {
    const answer = await slowly(() => stack.json('/api/companies', { method: 'POST', body: { name: 'Never Made Millinery' } }), { refuseAfterDelay: true });
    expect(answer.body.error.code).toBe('outcome_unknown');
    const settled = await operation(answer.body.error.details.operationId);
    expect(settled.body).toMatchObject({ state: 'failed', checkedInCodat: true, reason: expect.stringContaining('did not happen') });
    expect([...stack.emu.store.companies.values()].filter((company) => company.name === 'Never Made Millinery')).toHaveLength(0);
  });

  it('resolves a refresh and a new connection the same way', async () => {
    const company = F.duplicateCustomer.companyIds[0];
    const refresh = await slowly(() => stack.json(`/api/companies/${company}/refresh`, { method: 'POST' }));
    expect(refresh.body.error.code).toBe('outcome_unknown');
    expect((await operation(refresh.body.error.details.operationId)).body.state).toBe('ok');

    const created = await slowly(() => stack.json('/api/connections', { method: 'POST', body: { companyId: company, platformKey: 'gbol' } }));
    expect(created.body.error.code).toBe('outcome_unknown');
    const settled = await operation(created.body.error.details.operationId);
    expect(settled.body).toMatchObject({ state: 'ok', connectionId: expect.any(String) });
  });

  it('shows an operation only to its actor and to audit readers', async () => {
    const answer = await slowly(() => stack.json('/api/companies', { method: 'POST', body: { name: 'Private Operation Potters' } }));
    const id = answer.body.error.details.operationId;
    const support = await stack.as('support');
    const finance = await stack.as('finance');
    expect((await support.json(`/api/operations/${id}`)).status).toBe(404);
    expect((await finance.json(`/api/operations/${id}`)).status).toBe(200);
    await operation(id);
  });
});

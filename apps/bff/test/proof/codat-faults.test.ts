import { DEMO_FIXTURES as F } from '@console/codat-emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../stack.js';
import { attempts, expectCleanCodatError, putFaults, timed } from './faults.js';

/** test/stack.ts's Codat client: 2 s per attempt, retries (10–100 ms backoff) within 3 s in all. */
const RETRY_BUDGET_MS = 3000;
/** Scheduling and the last attempt's own duration on top of the budget. */
const SLACK_MS = 500;
const company = `/api/companies/${F.noConnections.companyId}`;

describe('the BFF against a failing Codat (the real emulator over HTTP)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterEach(() => {
    stack.emu.faults.reset();
    stack.emu.rateLimiter.reset();
  });
  afterAll(() => stack.close());

  it('a short 429 storm (Retry-After: 1): an idempotent list waits as told, then recovers within the retry budget', async () => {
    stack.emu.faults.settings.burst = { status: 429, count: 2, retryAfterSeconds: 1 };
    const list = await timed(() => stack.json('/api/companies'));
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    expect(stack.emu.faults.settings.burst!.count).toBe(0);
    expect(list.elapsedMs).toBeGreaterThanOrEqual(2000); // Retry-After honoured twice
    expect(list.elapsedMs).toBeLessThan(RETRY_BUDGET_MS + SLACK_MS);
  });

  it('a long 429 storm: the caller gets 429 with Retry-After and a clear message, within the retry budget', async () => {
    stack.emu.faults.settings.burst = { status: 429, count: 1000, retryAfterSeconds: 1 };
    const refused = await timed(() => stack.json(company));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('1');
    expectCleanCodatError(refused.body, 'codat_rate_limited');
    expect(refused.body.error.message).toBe("Codat's rate limit was reached. Try again in 1 s.");
    expect(refused.elapsedMs).toBeLessThan(RETRY_BUDGET_MS + SLACK_MS);
  });

  it('Codat’s own quota spent (Retry-After beyond the budget): 429 at once, saying when to come back', async () => {
    stack.emu.rateLimiter.configure({ limit: 1, windowMs: 60_000 });
    expect((await stack.json(company)).status).toBe(200);
    const refused = await timed(() => stack.json(company));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(50);
    expect(refused.elapsedMs).toBeLessThan(SLACK_MS);
  });

  it('a burst of 5xx: GETs recover', async () => {
    stack.emu.faults.settings.burst = { status: 500, count: 2 };
    expect((await stack.json(company)).status).toBe(200);
    stack.emu.faults.settings.burst = { status: 503, count: 2 };
    expect((await stack.json('/api/companies')).status).toBe(200);
    expect(stack.emu.faults.settings.burst!.count).toBe(0);
  });

  it.each([
    [503, 503, 'codat_unavailable', 'Codat is unavailable'],
    [500, 502, 'codat_error', 'Codat failed (500)'],
  ] as const)('Codat stays down (%i every time): a clear %i with Codat’s correlation id, no stack trace, in bounded time', async (codatStatus, status, code, message) => {
    await putFaults(stack, { errorRate: 1, errorStatus: codatStatus });
    const failed = await timed(() => stack.json(company));
    expect(failed.status).toBe(status);
    expectCleanCodatError(failed.body, code);
    expect(failed.body.error.message).toContain(message);
    expect(failed.elapsedMs).toBeLessThan(RETRY_BUDGET_MS + SLACK_MS);
    expect(attempts(stack, 'companies.get', codatStatus)).toBeGreaterThan(1); // it did retry before giving up
  });

  it('slow answers below the timeout succeed', async () => {
    stack.emu.faults.settings.latencyMs = 300;
    const slow = await timed(() => stack.json(company));
    expect(slow.status).toBe(200);
    expect(slow.elapsedMs).toBeGreaterThanOrEqual(300);
  });

  // A burst of two 503s: had the BFF retried, the second would have been used up too.
  it('create-company is never repeated: one attempt on a 503, nothing created, and a deliberate retry creates exactly one', async () => {
    const body = { name: 'Fault Probe Ltd', confirmNewCompany: { reason: 'fault-injection proof' } };
    const named = () => [...stack.emu.store.companies.values()].filter((c) => c.name === body.name).length;
    const before = attempts(stack, 'companies.create', 503);
    stack.emu.faults.settings.burst = { status: 503, count: 2 };
    const failed = await stack.json('/api/companies', { method: 'POST', body });
    expect(failed.status).toBe(503);
    expectCleanCodatError(failed.body, 'codat_unavailable');
    expect(stack.emu.faults.settings.burst!.count).toBe(1); // exactly one request reached Codat
    expect(attempts(stack, 'companies.create', 503) - before).toBe(1); // and the BFF sent exactly one
    expect(named()).toBe(0);
    stack.emu.faults.reset();
    const retried = await stack.json('/api/companies', { method: 'POST', body });
    expect(retried.status).toBe(201);
    expect(named()).toBe(1);
  });

  it('create-connection is never repeated either', async () => {
    const { companyId } = F.noConnections;
    const create = () => stack.json('/api/connections', { method: 'POST', body: { companyId, platformKey: 'olpr' } });
    const connections = () => stack.emu.store.companies.get(companyId)!.connectionIds.length;
    await stack.json('/api/integrations'); // the integration catalog is cached, so the burst meets the POST
    const before = { stored: connections(), attempts: attempts(stack, 'connections.create', 503) };
    stack.emu.faults.settings.burst = { status: 503, count: 2 };
    const failed = await create();
    expect(failed.status).toBe(503);
    expectCleanCodatError(failed.body, 'codat_unavailable');
    expect(stack.emu.faults.settings.burst!.count).toBe(1);
    expect(attempts(stack, 'connections.create', 503) - before.attempts).toBe(1);
    expect(connections()).toBe(before.stored);
    stack.emu.faults.reset();
    expect((await create()).status).toBe(201);
    expect(connections()).toBe(before.stored + 1);
  });

  it('Codat’s remaining rate limit shows in /metrics', async () => {
    stack.emu.rateLimiter.configure({ limit: 500, windowMs: 60_000 });
    await stack.json(company);
    const metrics = await (await stack.request('/metrics')).text();
    expect(metrics).toMatch(/^console_codat_rate_limit_remaining 499$/m);
    expect(metrics).toMatch(/^console_codat_rate_limit_limit 500$/m);
  });
});

describe('Codat timeouts (200 ms per attempt, 1 s in all)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ scenario: 'empty', client: { timeoutMs: 200, retry: { maxTotalMs: 1000 } } });
  });
  afterAll(() => stack.close());

  it('an answer slower than the timeout: 504 codat_timeout once the budget is spent', async () => {
    stack.emu.faults.settings.latencyMs = 100;
    expect((await stack.json('/api/companies')).status).toBe(200);
    stack.emu.faults.settings.latencyMs = 500;
    const timedOut = await timed(() => stack.json('/api/companies'));
    expect(timedOut.status).toBe(504);
    expect(timedOut.body.error).toMatchObject({ code: 'codat_timeout', message: 'Codat did not answer in time. Try again.' });
    expect(timedOut.elapsedMs).toBeLessThan(1000 + SLACK_MS);
  });
});

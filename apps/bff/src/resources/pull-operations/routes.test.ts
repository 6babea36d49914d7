import { DEMO_FIXTURES } from '@console/codat-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codatCalls } from '../../../test/codat-calls.js';
import { startStack, type Stack } from '../../../test/stack.js';
import type { PullOperationRecord } from './schemas.js';

const { companyId, connectionId } = DEMO_FIXTURES.bankFeedAccounts;
const list = (filter: object, extra = '') =>
  `/api/pull-operations?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;
const range = (start: number, end: number) => `&range=${encodeURIComponent(JSON.stringify([start, end]))}`;

describe('pull-operations', () => {
  let stack: Stack;
  let stored: number;
  beforeAll(async () => {
    stack = await startStack();
    stored = stack.emu.store.datasets.get(companyId)!.length;
  });
  afterAll(() => stack.close());

  it('lists a company’s pull operations newest first, with the total in Content-Range', async () => {
    const { status, headers, body } = await stack.json<PullOperationRecord[]>(list({ companyId }, range(0, 99)));
    expect(status).toBe(200);
    expect(stored).toBeGreaterThan(3);
    expect(headers.get('Content-Range')).toBe(`pull-operations 0-${stored - 1}/${stored}`);
    expect(body).toHaveLength(stored);
    const requested = body.map((record) => Date.parse(record.requested));
    expect(requested).toEqual([...requested].sort((a, b) => b - a));
    const [first] = body;
    expect(first).toMatchObject({ id: `${companyId}.${first!.datasetId}`, companyId, connectionId, running: false });
    const finished = body.find((record) => record.completed)!;
    expect(finished.durationMs).toBe(Date.parse(finished.completed!) - Date.parse(finished.requested));
  });

  it('sorts oldest first when asked', async () => {
    const { body } = await stack.json<PullOperationRecord[]>(list({ companyId }, `${range(0, 99)}&sort=${encodeURIComponent('["requested","ASC"]')}`));
    const requested = body.map((record) => Date.parse(record.requested));
    expect(requested).toEqual([...requested].sort((a, b) => a - b));
  });

  it('pages through Codat pages, aligned or not', async () => {
    const all = (await stack.json<PullOperationRecord[]>(list({ companyId }, range(0, 99)))).body.map((r) => r.id);
    const page2 = await stack.json<PullOperationRecord[]>(list({ companyId }, range(2, 3)));
    expect(page2.body.map((r) => r.id)).toEqual(all.slice(2, 4));
    expect(page2.headers.get('X-Total-Count')).toBe(String(stored));
    const unaligned = await stack.json<PullOperationRecord[]>(list({ companyId }, range(1, 3)));
    expect(unaligned.body.map((r) => r.id)).toEqual(all.slice(1, 4));
    expect(unaligned.headers.get('Content-Range')).toBe(`pull-operations 1-3/${stored}`);
  });

  it('filters by data type, status and connection through a Codat query', async () => {
    const datasets = stack.emu.store.datasets.get(companyId)!;
    const { dataType } = datasets[0]!;
    const expected = datasets.filter((d) => d.dataType === dataType && d.outcome === 'Complete').length;
    const { body, headers } = await stack.json<PullOperationRecord[]>(
      list({ companyId, connectionId, dataType, status: 'Complete' }, range(0, 99)),
    );
    expect(expected).toBeGreaterThan(0);
    expect(headers.get('X-Total-Count')).toBe(String(expected));
    expect(body.every((r) => r.dataType === dataType && r.status === 'Complete' && r.connectionId === connectionId)).toBe(true);
  });

  it('refuses unknown statuses, data types and filter keys, and a missing company, before calling Codat', async () => {
    const before = codatCalls(stack);
    const badStatus = await stack.json(list({ companyId, status: 'Done' }));
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error.message).toContain('Valid statuses: Initial, Queued');
    const badType = await stack.json(list({ companyId, dataType: 'invoices&&status=Complete' }));
    expect(badType.status).toBe(400);
    expect(badType.body.error.message).toContain('Valid data types: accountTransactions');
    expect((await stack.json(list({ companyId, query: 'status=Complete' }))).status).toBe(400);
    const missing = await stack.json(list({}));
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('companyId');
    expect(codatCalls(stack)).toBe(before);
  });

  it('gets one pull operation by its composite id', async () => {
    const [record] = (await stack.json<PullOperationRecord[]>(list({ companyId }))).body;
    const one = await stack.json<PullOperationRecord>(`/api/pull-operations/${encodeURIComponent(record!.id)}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(record);
  });

  it('answers 400 for a malformed id and 404 for an unknown dataset', async () => {
    const malformed = await stack.json(`/api/pull-operations/${companyId}`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('<companyId>.<datasetId>');
    const unknown = await stack.json(`/api/pull-operations/${companyId}.00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.codatCorrelationId).toBeTruthy();
  });
});

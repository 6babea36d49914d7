import { DEMO_FIXTURES } from '@console/codat-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../../test/stack.js';
import type { DataStatusRecord } from './schemas.js';

const { companyId } = DEMO_FIXTURES.bankFeedAccounts;
const list = (filter: object, extra = '') => `/api/data-status?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;

describe('data-status', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('lists one record per data type Codat has read, sorted by data type', async () => {
    const expectedTypes = [...new Set(stack.emu.store.datasets.get(companyId)!.map((d) => d.dataType))].sort();
    const { status, headers, body } = await stack.json<DataStatusRecord[]>(list({ companyId }));
    expect(status).toBe(200);
    expect(body.map((r) => r.dataType)).toEqual(expectedTypes);
    expect(headers.get('X-Total-Count')).toBe(String(expectedTypes.length));
    for (const record of body) {
      expect(record).toMatchObject({ id: `${companyId}.${record.dataType}`, companyId, running: false });
      expect(record.currentStatus).toBeTruthy();
      expect(record.latestSyncId).toBeTruthy();
    }
  });

  it('sorts by another field and filters by running', async () => {
    const desc = await stack.json<DataStatusRecord[]>(list({ companyId }, `&sort=${encodeURIComponent('["dataType","DESC"]')}`));
    const names = desc.body.map((r) => r.dataType);
    expect(names).toEqual([...names].sort().reverse());
    const running = await stack.json<DataStatusRecord[]>(list({ companyId, running: true }));
    expect(running.body).toEqual([]);
    expect(running.headers.get('Content-Range')).toBe('data-status 0-0/0');
  });

  it('gets one data type by `<companyId>.<dataType>`', async () => {
    const [first] = (await stack.json<DataStatusRecord[]>(list({ companyId }))).body;
    const one = await stack.json<DataStatusRecord>(`/api/data-status/${first!.id}`);
    expect(one.body).toEqual(first);
  });

  it('answers 404 for a data type never read and 400 for a malformed id or filter', async () => {
    const never = await stack.json(`/api/data-status/${DEMO_FIXTURES.noConnections.companyId}.invoices`);
    expect(never.status).toBe(404);
    expect(never.body.error.message).toContain('has not been read yet');
    expect((await stack.json('/api/data-status/not-a-company.invoices')).status).toBe(400);
    expect((await stack.json(list({ companyId: 'x' }))).status).toBe(400);
  });

  it('answers Codat’s 404 for an unknown company', async () => {
    const unknown = await stack.json(list({ companyId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.codatCorrelationId).toBeTruthy();
  });
});

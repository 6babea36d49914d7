import { DEMO_FIXTURES } from '@console/codat-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, lastAuditId } from '../../test/audit-entries.js';
import { startStack, type Stack } from '../../test/stack.js';

/** Every change made through the console and every URL reveal leaves an attempt and an outcome. */
describe('audited actions', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ as: 'admin' });
  });
  afterAll(() => stack.close());

  const entriesOf = async (step: () => Promise<unknown>) => {
    const after = await lastAuditId(stack.db);
    await step();
    return (await auditRows(stack.db, after)).map((row) => ({ action: row.action, outcome: row.outcome, companyId: row.companyId, companyName: row.companyName, connectionId: row.connectionId }));
  };

  it('records a Link URL reveal with the company, before answering', async () => {
    const { companyId, name } = DEMO_FIXTURES.noConnections;
    const entries = await entriesOf(() => stack.json(`/api/companies/${companyId}/link-url`, { method: 'POST' }));
    expect(entries).toEqual([
      expect.objectContaining({ action: 'link.reveal', outcome: 'attempt', companyId }),
      expect.objectContaining({ action: 'link.reveal', outcome: 'ok', companyId, companyName: name }),
    ]);
  });

  it('records a refused reveal with its reason', async () => {
    const { companyId, connectionId } = DEMO_FIXTURES.bankFeedAccounts;
    const entries = await entriesOf(async () => {
      expect((await stack.json(`/api/connections/${companyId}.${connectionId}/link-url`, { method: 'POST' })).status).toBe(409);
    });
    expect(entries.map((e) => e.outcome)).toEqual(['attempt', 'refused']);
  });

  it('records company create and delete with the id learnt on the way and the name at the time', async () => {
    let id = '';
    const created = await entriesOf(async () => {
      const response = await stack.json('/api/companies', { method: 'POST', body: { name: 'Audited Widgets Ltd' } });
      expect(response.status).toBe(201);
      id = response.body.id;
    });
    expect(created.at(-1)).toEqual(expect.objectContaining({ action: 'company.create', outcome: 'ok', companyId: id, companyName: 'Audited Widgets Ltd' }));
    const deleted = await entriesOf(() => stack.json(`/api/companies/${id}`, { method: 'DELETE' }));
    expect(deleted.at(-1)).toEqual(expect.objectContaining({ action: 'company.delete', outcome: 'ok', companyId: id, companyName: 'Audited Widgets Ltd' }));
  });

  it('records a refresh', async () => {
    const { companyId } = DEMO_FIXTURES.bankFeedAccounts;
    const entries = await entriesOf(() => stack.json(`/api/companies/${companyId}/refresh`, { method: 'POST' }));
    expect(entries.map((e) => `${e.action}:${e.outcome}`)).toEqual(['data.refresh-all:attempt', 'data.refresh-all:ok']);
  });
});

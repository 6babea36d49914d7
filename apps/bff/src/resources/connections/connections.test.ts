import { DEMO_FIXTURES as F } from '@console/codat-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../../test/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

const recordId = (companyId: string, connectionId: string) => `${companyId}.${connectionId}`;
const list = (filter: unknown, extra = '') => stack.json(`/api/connections?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`);

describe('GET /api/connections', () => {
  it("lists one company's connections with composite ids and no link URLs", async () => {
    const response = await list({ companyId: F.pendingBankFeed.companyId });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-range')).toBe('connections 0-1/2');
    const feed = response.body.find((c: any) => c.connectionId === F.pendingBankFeed.connectionId);
    expect(feed).toEqual({
      id: recordId(F.pendingBankFeed.companyId, F.pendingBankFeed.connectionId),
      companyId: F.pendingBankFeed.companyId,
      connectionId: F.pendingBankFeed.connectionId,
      platformKey: 'hcws',
      platformName: 'QuickBooks Online Bank Feeds',
      sourceType: 'BankFeed',
      status: 'PendingAuth',
      created: expect.any(String),
      lastSync: null,
      errors: [],
      activeErrorCount: 0,
      bankFeed: true,
      shareableLinkUrl: true,
    });
    const accounting = response.body.find((c: any) => c.connectionId === F.pendingBankFeed.accountingConnectionId);
    expect(accounting).toMatchObject({ platformKey: 'qhyg', status: 'Linked', bankFeed: false, shareableLinkUrl: false });
    expect(JSON.stringify(response.body)).not.toMatch(/linkUrl|\/link|otp=/);
  });

  it('shows errors, active first, with their status', async () => {
    const { body } = await list({ companyId: F.activeError.companyId });
    expect(body[0]).toMatchObject({ status: 'Deauthorized', activeErrorCount: 1, shareableLinkUrl: true });
    expect(body[0].errors[0]).toMatchObject({ statusCode: '401', status: 'Active', resolvedOnUtc: null });
  });

  it('filters by status and sourceType, sorts and pages', async () => {
    const linked = await list({ companyId: F.pendingBankFeed.companyId, status: 'Linked' });
    expect(linked.body.map((c: any) => c.connectionId)).toEqual([F.pendingBankFeed.accountingConnectionId]);
    const feeds = await list({ companyId: F.pendingBankFeed.companyId, sourceType: 'bankfeed' });
    expect(feeds.body.map((c: any) => c.connectionId)).toEqual([F.pendingBankFeed.connectionId]);
    const sorted = await list({ companyId: F.pendingBankFeed.companyId }, `&sort=${encodeURIComponent('["platformName","DESC"]')}&range=[0,0]`);
    expect(sorted.body.map((c: any) => c.platformName)).toEqual(['QuickBooks Online Bank Feeds']);
    expect(sorted.headers.get('content-range')).toBe('connections 0-0/2');
  });

  it('requires a companyId, with a clear message', async () => {
    const response = await stack.json('/api/connections');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/companyId/);
  });

  it('getMany by composite ids', async () => {
    const ids = [recordId(F.activeError.companyId, F.activeError.connectionId), recordId(F.userCancelled.companyId, F.userCancelled.connectionId)];
    const response = await list({ id: ids });
    expect(response.body.map((c: any) => c.id).sort()).toEqual(ids.sort());
  });
});

describe('GET /api/connections/:id', () => {
  it('reads by composite id', async () => {
    const response = await stack.json(`/api/connections/${recordId(F.userCancelled.companyId, F.userCancelled.connectionId)}`);
    expect(response.body).toMatchObject({ platformKey: 'gbol', status: 'PendingAuth', activeErrorCount: 1 });
    expect(response.body.errors[0]).toMatchObject({ statusCode: '403', statusText: 'User cancelled linking' });
  });

  it('refuses a malformed id and answers 404 for an unknown one', async () => {
    expect((await stack.json(`/api/connections/${F.userCancelled.connectionId}`)).status).toBe(400);
    const unknown = recordId(F.userCancelled.companyId, '00000000-0000-4000-8000-000000000000');
    expect((await stack.json(`/api/connections/${unknown}`)).status).toBe(404);
  });
});

describe('POST /api/connections', () => {
  it('creates a PendingAuth connection', async () => {
    const response = await stack.json('/api/connections', { method: 'POST', body: { companyId: F.noConnections.companyId, platformKey: 'olpr' } });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ companyId: F.noConnections.companyId, platformKey: 'olpr', status: 'PendingAuth', bankFeed: true, shareableLinkUrl: false });
    expect(stack.emu.store.connections.get(response.body.connectionId)?.integrationKey).toBe('olpr');
  });

  it.each([
    [{ companyId: F.noConnections.companyId, platformKey: 'XERO' }, /four lower-case letters/],
    [{ companyId: F.noConnections.companyId, platformKey: 'zzzz' }, /No integration/],
    [{ companyId: F.noConnections.companyId, platformKey: 'lqai' }, /not enabled/],
    [{ platformKey: 'gbol' }, /companyId/],
  ])('refuses %j before calling Codat', async (body, message) => {
    const before = stack.emu.store.connections.size;
    const response = await stack.json('/api/connections', { method: 'POST', body });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
    expect(stack.emu.store.connections.size).toBe(before);
  });
});

describe('unlink and delete', () => {
  it('unlinks only Linked connections', async () => {
    const pending = recordId(F.userCancelled.companyId, F.userCancelled.connectionId);
    const refused = await stack.json(`/api/connections/${pending}/unlink`, { method: 'POST' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/Only Linked connections can be unlinked.*PendingAuth/);
    expect(stack.emu.store.connections.get(F.userCancelled.connectionId)?.status).toBe('PendingAuth');

    const linked = recordId(F.bankFeedAccounts.companyId, F.bankFeedAccounts.connectionId);
    const response = await stack.json(`/api/connections/${linked}/unlink`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('Unlinked');
    expect(stack.emu.store.connections.get(F.bankFeedAccounts.connectionId)?.status).toBe('Unlinked');
  });

  it('deletes and answers the deleted record', async () => {
    const { body: created } = await stack.json('/api/connections', { method: 'POST', body: { companyId: F.noConnections.companyId, platformKey: 'gbol' } });
    const response = await stack.json(`/api/connections/${created.id}`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: created.id, platformKey: 'gbol' });
    expect(stack.emu.store.connections.has(created.connectionId)).toBe(false);
  });
});

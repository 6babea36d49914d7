import { describe, expect, it } from 'vitest';
import { storeCompany, storeConnection } from '../../../test/store-records.js';
import { testEmulator } from '../../../test/support.js';

function setUp(platformKey: string) {
  const t = testEmulator();
  const company = storeCompany(t.emu);
  const connection = storeConnection(t.emu, company, platformKey);
  const path = `/companies/${company.id}/connections/${connection.id}`;
  return { ...t, connection, path, credentials: `${path}/connectionInfo/bankFeedAccounts/credentials` };
}

describe('bank feed credentials', () => {
  it('mints a new pair on every call and revokes them all', async () => {
    const { emu, json, connection, credentials } = setUp('hcws');
    const first = await json(credentials, { method: 'POST', body: {} });
    expect(first.status).toBe(200);
    expect(first.body.username).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(first.body.password).toMatch(/^[A-Za-z0-9]{16}$/);
    const second = await json(credentials, { method: 'POST' });
    expect(second.body).not.toEqual(first.body);
    expect(emu.store.credentials.get(connection.id)).toEqual([first.body, second.body]);

    expect((await json(credentials, { method: 'DELETE' })).status).toBe(204);
    expect(emu.store.credentials.has(connection.id)).toBe(false);
  });

  it('is for QuickBooks Online Bank Feeds only', async () => {
    const { json, credentials } = setUp('gbol');
    const refused = await json(credentials, { method: 'POST', body: {} });
    expect(refused.status).toBe(404);
    expect(refused.body.error).toBe('Bank feed credentials are only available for QuickBooks Online Bank Feeds connections, not Xero.');
  });
});

describe('Sage one-time passwords', () => {
  it('returns a code and its expiry for Sage Bank Feeds', async () => {
    const { emu, json, path } = setUp('olpr');
    const { status, body } = await json(`${path}/bankFeeds/otp`, { method: 'POST' });
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['expiry', 'otp']);
    expect(body.otp).toMatch(/^[A-Z0-9]{6}$/);
    expect(Date.parse(body.expiry)).toBeGreaterThan(emu.clock.now());
  });

  it('answers 400 for other platforms', async () => {
    const { json, path } = setUp('hcws');
    const refused = await json(`${path}/bankFeeds/otp`, { method: 'POST' });
    expect(refused.status).toBe(400);
    expect(refused.body.statusCode).toBe(400);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Company, Connection, SourceAccount } from './codat-json.js';
import { formFor, submit } from './html.js';
import { startFlowEmulator, type FlowEmulator } from './support.js';

const SIXTY_ONE_MINUTES = 61 * 60 * 1000;

// Seed: "Configure customer in Codat" (bank feeds) — company, QBO Bank Feeds connection, OTP
// link, authorization, source account, unlink.
describe('bank-feed set-up over HTTP', () => {
  let emulator: FlowEmulator;
  beforeEach(async () => {
    emulator = await startFlowEmulator();
  });
  afterEach(() => emulator.close());

  it('company → hcws connection → fresh OTP links → authorize → source account → unlink', async () => {
    const { api, open, emu } = emulator;
    const company = await api<Company>('/companies', {
      method: 'POST',
      body: { name: 'Bank Feed Customer' },
    });
    expect(company.status).toBe(200);
    const connections = `/companies/${company.body.id}/connections`;

    const created = await api<Connection>(connections, {
      method: 'POST',
      body: { platformKey: 'hcws' },
    });
    expect(created.status).toBe(200);
    expect(created.body.status).toBe('PendingAuth');
    expect(new URL(created.body.linkUrl).searchParams.get('otp')).toMatch(/^\d{6}$/);
    const connection = `${connections}/${created.body.id}`;

    // Every read of a QBO Bank Feeds connection mints a new one-hour OTP.
    const reread = await api<Connection>(connection);
    expect(reread.body.linkUrl).not.toBe(created.body.linkUrl);
    const freshLink = reread.body.linkUrl;
    expect((await open(freshLink)).status).toBe(200);
    emu.clock.advance(SIXTY_ONE_MINUTES);
    expect((await open(freshLink)).status).toBe(401);

    // After expiry the customer needs a new link: get the connection again, then authorize.
    const renewed = (await api<Connection>(connection)).body.linkUrl;
    const page = await open(renewed);
    expect(page.status).toBe(200);
    const authorized = await submit(
      formFor(page.html, renewed, { name: 'decision', value: 'authorize' }),
    );
    expect(authorized.status).toBe(200);
    expect((await api<Connection>(connection)).body.status).toBe('Linked');

    const accounts = `${connection}/connectionInfo/bankFeedAccounts`;
    const account = {
      id: 'acc-001',
      accountName: 'Business Current Account',
      accountType: 'checking',
      accountNumber: '12345670',
      sortCode: '040004',
      currency: 'GBP',
      balance: 99.99,
    };
    const createdAccount = await api<SourceAccount>(accounts, { method: 'POST', body: account });
    expect(createdAccount.status).toBe(200);
    expect(createdAccount.body).toMatchObject({ id: 'acc-001', status: 'pending' });
    const renamed = await api<SourceAccount>(`${accounts}/acc-001`, {
      method: 'PATCH',
      body: { accountName: 'Main account' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.accountName).toBe('Main account');
    expect((await api<SourceAccount[]>(accounts)).body.map((a) => a.accountName)).toEqual([
      'Main account',
    ]);
    expect((await api(`${accounts}/acc-001`, { method: 'DELETE' })).status).toBe(204);
    expect((await api<SourceAccount[]>(accounts)).body).toEqual([]);

    const unlinked = await api<Connection>(connection, {
      method: 'PATCH',
      body: { status: 'Unlinked' },
    });
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.status).toBe('Unlinked');
    expect(
      (await api<Company>(`/companies/${company.body.id}`)).body.dataConnections[0]?.status,
    ).toBe('Unlinked');
  });
});

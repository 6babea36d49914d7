import { DEMO_FIXTURES as F } from '@console/codat-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

const HOUR_MS = 60 * 60_000;
const recordId = (companyId: string, connectionId: string) => `${companyId}.${connectionId}`;
const connectionLink = (companyId: string, connectionId: string) =>
  stack.json(`/api/connections/${recordId(companyId, connectionId)}/link-url`, { method: 'POST' });

describe('POST /api/companies/:id/link-url', () => {
  it("answers the company's hosted Link URL with a ready-to-send message", async () => {
    const response = await stack.json(`/api/companies/${F.noConnections.companyId}/link-url`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toMatchObject({ kind: 'company', expiresAt: null, oneTime: false, companyId: F.noConnections.companyId });
    expect(response.body.url).toBe(`${stack.emulatorUrl}/link/company/${F.noConnections.companyId}`);
    expect(response.body.message).toContain(response.body.url);
    expect(response.body.note).toMatch(/returning customers/);
  });

  it('answers 404 for an unknown company', async () => {
    const response = await stack.json('/api/companies/00000000-0000-4000-8000-000000000000/link-url', { method: 'POST' });
    expect(response.status).toBe(404);
  });
});

describe('POST /api/connections/:id/link-url', () => {
  it('fetches a fresh one-hour OTP for QuickBooks Online Bank Feeds on every call', async () => {
    const before = stack.emu.clock.now();
    const first = await connectionLink(F.pendingBankFeed.companyId, F.pendingBankFeed.connectionId);
    const after = stack.emu.clock.now();
    const second = await connectionLink(F.pendingBankFeed.companyId, F.pendingBankFeed.connectionId);
    expect(first.status).toBe(200);
    const otpOf = (url: string) => new URL(url).searchParams.get('otp');
    expect(otpOf(first.body.url)).toMatch(/^\d{6}$/);
    expect(otpOf(second.body.url)).not.toBe(otpOf(first.body.url));
    expect(first.body).toMatchObject({ kind: 'connection', oneTime: true, connectionId: F.pendingBankFeed.connectionId });
    expect(Date.parse(first.body.expiresAt)).toBeGreaterThanOrEqual(before + HOUR_MS);
    expect(Date.parse(first.body.expiresAt)).toBeLessThanOrEqual(after + HOUR_MS);
    expect(first.body.message).toContain(first.body.url);
    expect(first.body.message).toMatch(/expires at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  });

  it('answers a URL without expiry for an ordinary pending connection', async () => {
    const response = await connectionLink(F.userCancelled.companyId, F.userCancelled.connectionId);
    expect(response.body).toMatchObject({ kind: 'connection', oneTime: false, expiresAt: null });
    expect(response.body.url).toMatch(new RegExp(`/connections/${F.userCancelled.connectionId}/start$`));
    expect(response.body.message).toMatch(/finish connecting your Xero account/);
  });

  it('says "reconnect" for a deauthorized connection', async () => {
    const response = await connectionLink(F.activeError.companyId, F.activeError.connectionId);
    expect(response.status).toBe(200);
    expect(response.body.message).toMatch(/reconnect your QuickBooks Online account/);
  });

  it('refuses Linked connections', async () => {
    const response = await connectionLink(F.duplicateCustomer.companyIds[0], F.duplicateCustomer.connectionId);
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(/already Linked/);
  });

  it('refuses Sage Bank Feeds connections', async () => {
    const { body: created } = await stack.json('/api/connections', { method: 'POST', body: { companyId: F.noConnections.companyId, platformKey: 'olpr' } });
    const response = await stack.json(`/api/connections/${created.id}/link-url`, { method: 'POST' });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(/inside Sage/);
    expect(JSON.stringify(response.body)).not.toMatch(/\/start/);
  });

  it('never writes a Link URL to the log', async () => {
    const response = await connectionLink(F.pendingBankFeed.companyId, F.pendingBankFeed.connectionId);
    const otp = new URL(response.body.url).searchParams.get('otp')!;
    expect(stack.logLines.join('\n')).not.toContain(otp);
    expect(stack.logLines.join('\n')).not.toContain('/start');
  });
});

describe('GET /api/invite-url', () => {
  it('answers the configured invite URL with a warning', async () => {
    const response = await stack.json('/api/invite-url');
    expect(response.body).toMatchObject({ kind: 'invite', url: 'https://link.codat.io/client/test-client', expiresAt: null });
    expect(response.body.warning).toMatch(/NEW company for every visitor/);
    expect(response.body.message).toContain('https://link.codat.io/client/test-client');
    expect((await stack.json('/api/invite-url/availability')).body).toEqual({ available: true });
  });

  it('answers 404 with a clear message when none is configured', async () => {
    const bare = await startStack({ scenario: 'empty', settings: { inviteUrl: undefined } });
    try {
      const response = await bare.json('/api/invite-url');
      expect(response.status).toBe(404);
      expect(response.body.error.message).toMatch(/CODAT_INVITE_URL/);
      expect((await bare.json('/api/invite-url/availability')).body).toEqual({ available: false });
    } finally {
      await bare.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { expectBankFeedResponse } from './bank-feeds.js';
import { bankFeedSetUp } from './bank-feed-setup.js';
import { UNKNOWN_ID } from './fixtures.js';
import { expectUndeclaredCodatError } from './oas/validator.js';

describe.each(['v1', 'v2'] as const)(
  'bank-feed credentials and Sage OTP (%s) against the OAS',
  (version) => {
    it('generate-credentials 200 for QBO Bank Feeds, 404 elsewhere; delete-bank-feed-credentials 204, 404', async () => {
      const { request, connection, companyId, addConnection } = await bankFeedSetUp(
        version,
        'hcws',
        false,
      );
      const generate = async (path: string, body: unknown = {}) =>
        expectBankFeedResponse(
          version,
          'generate-credentials',
          await request(path, { method: 'POST', body }),
        );
      const revoke = async (path: string) =>
        expectBankFeedResponse(
          version,
          'delete-bank-feed-credentials',
          await request(path, { method: 'DELETE' }),
        );
      const credentials = `${connection}/connectionInfo/bankFeedAccounts/credentials`;
      expect((await generate(credentials)).body).toEqual({
        username: expect.any(String),
        password: expect.any(String),
      });
      expect((await revoke(credentials)).status).toBe(204);
      // The spec gives generate-credentials a JSON body of unspecified content, and no 400.
      const malformed = await request(credentials, { method: 'POST', body: '{nope' });
      await expectUndeclaredCodatError('bankFeeds', 'generate-credentials', malformed, 400);

      const xero = await addConnection('gbol');
      for (const connectionId of [xero, UNKNOWN_ID]) {
        const elsewhere = `/companies/${companyId}/connections/${connectionId}/connectionInfo/bankFeedAccounts/credentials`;
        expect((await generate(elsewhere)).status).toBe(404);
        expect((await revoke(elsewhere)).status).toBe(404);
      }
    });

    it('generate-otp 200 for Sage Bank Feeds, 400 for other bank feeds, 404 for unknown connections', async () => {
      const { request, connection, companyId, addConnection } = await bankFeedSetUp(
        version,
        'olpr',
        false,
      );
      const otp = async (path: string) =>
        expectBankFeedResponse(
          version,
          'generate-otp',
          await request(`${path}/bankFeeds/otp`, { method: 'POST' }),
        );
      expect((await otp(connection)).body).toEqual({
        otp: expect.any(String),
        expiry: expect.any(String),
      });
      const qbo = await addConnection('hcws');
      expect((await otp(`/companies/${companyId}/connections/${qbo}`)).status).toBe(400);
      expect((await otp(`/companies/${companyId}/connections/${UNKNOWN_ID}`)).status).toBe(404);
    });
  },
);

import { Hono } from 'hono';
import { z } from 'zod';
import { generateCredentials, generateSageOtp, revokeCredentials } from '../../domain/bank-feeds/secrets.js';
import type { Emulator } from '../../emulator.js';
import { readJson } from '../../http/body.js';
import { bankFeedConnection, CONNECTION_PATH } from './connection.js';

const CREDENTIALS_PATH = `${CONNECTION_PATH}/connectionInfo/bankFeedAccounts/credentials`;

/** QBO Bank Feeds credentials and Sage Bank Feeds one-time passwords. */
export function secretsRoutes(emu: Emulator): Hono {
  const app = new Hono();

  app.post(CREDENTIALS_PATH, async (c) => {
    const connection = bankFeedConnection(emu, c);
    // The spec requires a JSON body but says nothing of its content: any JSON (or none) will do.
    await readJson(c, z.unknown(), { optional: true });
    return c.json(generateCredentials(emu, connection), 200);
  });

  app.delete(CREDENTIALS_PATH, (c) => {
    revokeCredentials(emu, bankFeedConnection(emu, c));
    return c.body(null, 204);
  });

  app.post(`${CONNECTION_PATH}/bankFeeds/otp`, (c) => c.json(generateSageOtp(emu, bankFeedConnection(emu, c)), 200));

  return app;
}

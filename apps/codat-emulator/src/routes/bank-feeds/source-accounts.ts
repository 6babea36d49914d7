import { Hono } from 'hono';
import { z } from 'zod';
import { prototypeSchema, v1Patch, v2Patch } from '../../domain/bank-feeds/schemas.js';
import {
  bankFeedErrors,
  buildSourceAccount,
  DUPLICATE_ACCOUNT_MESSAGE,
  findSourceAccount,
  insertSourceAccount,
  renderSourceAccount,
  sourceAccountsOf,
} from '../../domain/bank-feeds/source-accounts.js';
import { updateSourceAccount } from '../../domain/bank-feeds/update.js';
import type { Emulator } from '../../emulator.js';
import { readJson } from '../../http/body.js';
import { bankFeedConnection, CONNECTION_PATH } from './connection.js';

const ACCOUNTS_PATH = `${CONNECTION_PATH}/connectionInfo/bankFeedAccounts`;

/** Create (single and batch), list, update and delete source accounts. */
export function sourceAccountsRoutes(emu: Emulator): Hono {
  const app = new Hono();
  const version = emu.config.bankFeedsVersion;
  const prototype = prototypeSchema(version);
  const batch = z.array(prototype).min(1, 'At least one source account is required.');

  /** Duplicate ids on a single create are 400: the only client error the spec declares for it. */
  app.post(ACCOUNTS_PATH, async (c) => {
    const connection = bankFeedConnection(emu, c);
    const account = buildSourceAccount(version, await readJson(c, prototype), emu.clock.now());
    if (!insertSourceAccount(emu, connection, account)) throw bankFeedErrors.duplicateAccount();
    return c.json(renderSourceAccount(account), 200);
  });

  /**
   * Per-item results: created items carry an integer statusCode, refused ones (ids already on the
   * connection or repeated in the batch) Codat's string "409". 201 all created, 207 mixed, 409 none.
   */
  app.post(`${ACCOUNTS_PATH}/batch`, async (c) => {
    const connection = bankFeedConnection(emu, c);
    const now = emu.clock.now();
    const results = (await readJson(c, batch)).map((item) => {
      const account = buildSourceAccount(version, item, now);
      if (!insertSourceAccount(emu, connection, account)) {
        return { sourceAccountId: item.id, result: { statusCode: '409', error: DUPLICATE_ACCOUNT_MESSAGE } };
      }
      return { sourceAccountId: item.id, result: { statusCode: 201, account: renderSourceAccount(account) } };
    });
    const created = results.filter((r) => typeof r.result.statusCode === 'number').length;
    return c.json(results, created === results.length ? 201 : created === 0 ? 409 : 207);
  });

  app.get(ACCOUNTS_PATH, (c) => {
    const connection = bankFeedConnection(emu, c);
    return c.json(sourceAccountsOf(emu, connection).map(renderSourceAccount));
  });

  app.patch(`${ACCOUNTS_PATH}/:accountId`, async (c) => {
    const connection = bankFeedConnection(emu, c);
    const account = findSourceAccount(emu, connection, c.req.param('accountId'));
    const body = await readJson(c, version === 'v1' ? v1Patch : v2Patch);
    updateSourceAccount(account, body, emu.clock.now());
    return c.json(renderSourceAccount(account), 200);
  });

  /** Removes the account and so its mapping; the target account stays in the accounting software. */
  app.delete(`${ACCOUNTS_PATH}/:accountId`, (c) => {
    const connection = bankFeedConnection(emu, c);
    const account = findSourceAccount(emu, connection, c.req.param('accountId'));
    const accounts = sourceAccountsOf(emu, connection);
    accounts.splice(accounts.indexOf(account), 1);
    return c.body(null, 204);
  });

  return app;
}

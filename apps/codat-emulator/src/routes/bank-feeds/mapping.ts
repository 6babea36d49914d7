import { Hono } from 'hono';
import { mapSourceAccount } from '../../domain/bank-feeds/mapping.js';
import { renderMappings } from '../../domain/bank-feeds/mapping-view.js';
import { mappingRequest } from '../../domain/bank-feeds/schemas.js';
import { findSourceAccount, sourceAccountsOf } from '../../domain/bank-feeds/source-accounts.js';
import type { Emulator } from '../../emulator.js';
import { readJson } from '../../http/body.js';
import { bankFeedConnection, CONNECTION_PATH } from './connection.js';

// No `connectionInfo/` segment here, unlike the source-account routes.
const MAPPING_PATH = `${CONNECTION_PATH}/bankFeedAccounts/mapping`;

export function mappingRoutes(emu: Emulator): Hono {
  const app = new Hono();

  app.get(MAPPING_PATH, (c) => {
    const connection = bankFeedConnection(emu, c);
    return c.json(renderMappings(connection, sourceAccountsOf(emu, connection)));
  });

  /** Maps one source account; poll the GET until its status is `connected`. */
  app.post(MAPPING_PATH, async (c) => {
    const connection = bankFeedConnection(emu, c);
    const body = await readJson(c, mappingRequest);
    const account = findSourceAccount(emu, connection, body.sourceAccountId);
    mapSourceAccount(emu, connection, account, body);
    return c.json({ sourceAccountId: account.id, targetAccountId: account.targetAccountId, status: account.status }, 200);
  });

  return app;
}

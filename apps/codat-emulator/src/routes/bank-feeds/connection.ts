import type { Context } from 'hono';
import { assertBankFeedConnection } from '../../domain/bank-feeds/source-accounts.js';
import type { Emulator } from '../../emulator.js';
import { findConnection } from '../../http/params.js';
import type { ConnectionRecord } from '../../store/types.js';

export const CONNECTION_PATH = '/companies/:companyId/connections/:connectionId';

/** The path's connection, which must belong to the path's company and to a bank-feed platform. */
export function bankFeedConnection(emu: Emulator, c: Context): ConnectionRecord {
  const connection = findConnection(emu, c.req.param('companyId') ?? '', c.req.param('connectionId') ?? '');
  assertBankFeedConnection(connection);
  return connection;
}

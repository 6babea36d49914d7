import { Hono } from 'hono';
import { registerBankFeedMappings } from '../domain/bank-feeds/mapping.js';
import type { Emulator } from '../emulator.js';
import { mappingRoutes } from './bank-feeds/mapping.js';
import { secretsRoutes } from './bank-feeds/secrets.js';
import { sourceAccountsRoutes } from './bank-feeds/source-accounts.js';

/**
 * Bank Feeds API under `/companies/{companyId}/connections/{connectionId}`. Only connections to
 * bank-feed platforms (`BANK_FEED_PLATFORM_KEYS`) have these resources; others answer 404.
 * The account shape (v1 or v2) is `emu.config.bankFeedsVersion`.
 */
export function bankFeedsRoutes(emu: Emulator): Hono {
  registerBankFeedMappings(emu);
  const app = new Hono();
  // Before source accounts: `…/bankFeedAccounts/credentials` would otherwise match `…/{accountId}`.
  app.route('/', secretsRoutes(emu));
  app.route('/', sourceAccountsRoutes(emu));
  app.route('/', mappingRoutes(emu));
  return app;
}

import { Hono } from 'hono';
import type { Emulator } from './emulator.js';
import { basicAuth } from './http/auth.js';
import { CodatError, errors } from './http/errors.js';
import { companiesRoutes } from './routes/companies.js';
import { connectionsRoutes } from './routes/connections.js';
import { integrationsRoutes } from './routes/integrations.js';
import { dataRoutes } from './routes/data.js';
import { accessTokenRoutes } from './routes/access-token.js';
import { bankFeedsRoutes } from './routes/bank-feeds.js';
import { linkPages } from './link/pages.js';
import { staticAssets } from './static/routes.js';
import { controlRoutes } from './control/routes.js';

/**
 * The emulator's HTTP surface. Codat's API sits at the root, as at api.codat.io; Link pages
 * under /link and /link-api; images (static.codat.io) under /public; the emulator's own control API under /_emulator (not Codat's).
 */
export function createApp(emu: Emulator): Hono {
  const app = new Hono();

  app.route('/_emulator', controlRoutes(emu));
  app.route('/', linkPages(emu));
  app.route('/', staticAssets());

  const api = new Hono();
  api.use(emu.rateLimiter.middleware());
  api.use(basicAuth(() => emu.config.apiKey));
  api.use(emu.concurrency.middleware());
  api.use(emu.faults.middleware());
  api.use(async (_c, next) => {
    emu.tick();
    await next();
  });
  api.route('/', companiesRoutes(emu));
  api.route('/', connectionsRoutes(emu));
  api.route('/', bankFeedsRoutes(emu));
  api.route('/', dataRoutes(emu));
  api.route('/', accessTokenRoutes(emu));
  api.route('/', integrationsRoutes(emu));
  app.route('/', api);

  app.notFound(() => {
    throw errors.notFound();
  });
  app.onError((error, c) => {
    const codatError =
      error instanceof CodatError ? error : (console.error(error), errors.serverError());
    for (const [name, value] of Object.entries(codatError.headers)) c.header(name, value);
    return c.json(codatError.toBody(), codatError.status);
  });
  return app;
}

import { Hono } from 'hono';
import { connectionCounts, renderBranding, renderIntegration } from '../domain/integrations.js';
import { PLATFORMS, platformByKey, type Platform } from '../domain/platforms.js';
import { requestOrigin } from '../domain/render.js';
import type { Emulator } from '../emulator.js';
import { errors } from '../http/errors.js';
import { paginate, parsePaging } from '../http/paging.js';
import { compileOrderBy, compileQuery, readParam, type QueryModel } from '../query/index.js';

export const integrationQueryModel: QueryModel<Platform> = {
  name: 'Integration',
  service: 'PublicApi',
  fields: {
    key: { type: 'string', get: (p) => p.key },
    name: { type: 'string', get: (p) => p.name },
    sourceType: { type: 'enum', get: (p) => p.sourceType },
    enabled: { type: 'boolean', get: (p) => p.enabled },
    integrationId: { type: 'string', get: (p) => p.integrationId },
    sourceId: { type: 'string', get: (p) => p.sourceId },
    isOfflineConnector: { type: 'boolean', get: (p) => p.isOfflineConnector ?? false },
    isBeta: { type: 'boolean', get: (p) => p.isBeta ?? false },
  },
};

function findPlatform(platformKey: string): Platform {
  const platform = platformByKey(platformKey);
  if (!platform) throw errors.notFound();
  return platform;
}

export function integrationsRoutes(emu: Emulator): Hono {
  const app = new Hono();

  app.get('/integrations', (c) => {
    const paging = parsePaging(c);
    const matches = compileQuery(readParam(c, 'query'), integrationQueryModel);
    const order = compileOrderBy(readParam(c, 'orderBy'), integrationQueryModel);
    const platforms = matches ? PLATFORMS.filter(matches) : [...PLATFORMS];
    if (order) platforms.sort(order);
    const counts = connectionCounts(emu);
    const origin = requestOrigin(emu, c.req.url);
    return c.json(paginate('/integrations', platforms, paging, (p) => renderIntegration(p, counts.get(p.key), origin)));
  });

  app.get('/integrations/:platformKey', (c) => {
    const platform = findPlatform(c.req.param('platformKey'));
    return c.json(renderIntegration(platform, connectionCounts(emu).get(platform.key), requestOrigin(emu, c.req.url)));
  });

  app.get('/integrations/:platformKey/branding', (c) =>
    c.json(renderBranding(findPlatform(c.req.param('platformKey')), requestOrigin(emu, c.req.url))),
  );

  return app;
}

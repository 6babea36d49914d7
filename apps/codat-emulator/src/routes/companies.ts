import { Hono } from 'hono';
import { z } from 'zod';
import { sanitiseCompanyName } from '../domain/company-names.js';
import { codatTimestamp } from '../domain/dates.js';
import { createCompany } from '../domain/company-lifecycle.js';
import { renderCompany, requestOrigin } from '../domain/render.js';
import type { Emulator } from '../emulator.js';
import { readJson } from '../http/body.js';
import { errors } from '../http/errors.js';
import { paginate, parsePaging } from '../http/paging.js';
import { findCompany } from '../http/params.js';
import { compileOrderBy, compileQuery, compileTags, readParam, type QueryModel } from '../query/index.js';
import type { CompanyRecord } from '../store/types.js';
import { companyEventPayload } from '../webhooks/payloads.js';

const tagsSchema = z
  .record(z.string().min(1).max(27), z.string().max(100))
  .refine((tags) => Object.keys(tags).length <= 10, 'A company can have at most 10 tags.');

const companyBody = z.object({
  name: z.string().min(1),
  description: z.string().nullish(),
  tags: tagsSchema.nullish(),
});

const companyPatch = z.object({
  name: z.string().min(1).nullish(),
  description: z.string().nullish(),
  tags: tagsSchema.nullish(),
});

function cleanName(raw: string): string {
  const name = sanitiseCompanyName(raw);
  if (name === '') {
    throw errors.invalidRequest('not valid.', [
      { itemId: 'name', message: 'Company name must contain at least one allowed character.', validatorName: 'CreateCompany' },
    ]);
  }
  return name;
}

export function companyQueryModel(emu: Emulator): QueryModel<CompanyRecord> {
  return {
    name: 'Company',
    service: 'ClientsApi',
    fields: {
      id: { type: 'string', get: (c) => c.id },
      name: { type: 'string', get: (c) => c.name },
      description: { type: 'string', get: (c) => c.description },
      created: { type: 'date', get: (c) => c.createdMs },
      lastSync: { type: 'date', get: (c) => c.lastSyncMs },
      'dataConnections.status': {
        type: 'enum',
        get: (c) => emu.store.connectionsOf(c).map((connection) => connection.status),
      },
      'dataConnections.integrationKey': {
        type: 'string',
        get: (c) => emu.store.connectionsOf(c).map((connection) => connection.integrationKey),
      },
      'dataConnections.id': {
        type: 'string',
        get: (c) => c.connectionIds,
      },
    },
  };
}

export function companiesRoutes(emu: Emulator): Hono {
  const app = new Hono();
  const model = companyQueryModel(emu);

  app.get('/companies', (c) => {
    const paging = parsePaging(c);
    const matches = compileQuery(readParam(c, 'query'), model);
    const tagMatches = compileTags(readParam(c, 'tags'));
    const order = compileOrderBy(readParam(c, 'orderBy'), model);
    let companies: CompanyRecord[] = [];
    for (const id of emu.store.companyOrder) {
      const company = emu.store.companies.get(id)!;
      if ((!matches || matches(company)) && (!tagMatches || tagMatches(company.tags))) companies.push(company);
    }
    if (order) companies = companies.sort(order);
    const origin = requestOrigin(emu, c.req.url);
    return c.json(paginate('/companies', companies, paging, (company) => renderCompany(emu, origin, company)));
  });

  app.post('/companies', async (c) => {
    const body = await readJson(c, companyBody);
    const origin = requestOrigin(emu, c.req.url);
    const company = createCompany(
      emu,
      { name: cleanName(body.name), description: body.description ?? undefined, tags: body.tags ?? undefined },
      origin,
    );
    // Only the create response carries the seven-digit `created`; later reads show whole seconds.
    return c.json({ ...renderCompany(emu, origin, company), created: codatTimestamp(company.createdMs) }, 200);
  });

  app.get('/companies/:companyId', (c) => {
    const company = findCompany(emu, c.req.param('companyId'));
    return c.json(renderCompany(emu, requestOrigin(emu, c.req.url), company));
  });

  app.put('/companies/:companyId', async (c) => {
    const company = findCompany(emu, c.req.param('companyId'));
    const body = await readJson(c, companyBody);
    company.name = cleanName(body.name);
    company.description = body.description ?? undefined;
    company.tags = body.tags && Object.keys(body.tags).length > 0 ? body.tags : undefined;
    return c.json(renderCompany(emu, requestOrigin(emu, c.req.url), company));
  });

  app.patch('/companies/:companyId', async (c) => {
    const company = findCompany(emu, c.req.param('companyId'));
    const body = await readJson(c, companyPatch);
    if (body.name != null) company.name = cleanName(body.name);
    if (body.description != null) company.description = body.description;
    if (body.tags != null) company.tags = Object.keys(body.tags).length > 0 ? body.tags : undefined;
    return c.json(renderCompany(emu, requestOrigin(emu, c.req.url), company));
  });

  app.delete('/companies/:companyId', (c) => {
    const company = findCompany(emu, c.req.param('companyId'));
    const payload = companyEventPayload(emu, company, requestOrigin(emu, c.req.url));
    emu.store.deleteCompany(company);
    emu.events.emit({ eventType: 'company.deleted', companyId: company.id, payload });
    return c.body(null, 204);
  });

  return app;
}

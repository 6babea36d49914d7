import { Hono } from 'hono';
import { html } from 'hono/html';
import { createConnection } from '../domain/connection-lifecycle.js';
import { connectionLinkUrl } from '../domain/link-urls.js';
import { PLATFORMS, platformByKey, type Platform } from '../domain/platforms.js';
import { requestOrigin } from '../domain/render.js';
import type { Emulator } from '../emulator.js';
import { findCompany } from '../http/params.js';
import type { CompanyRecord, ConnectionRecord, SourceType } from '../store/types.js';
import { page, type Html } from './layout.js';

const SECTION_TITLES: Partial<Record<SourceType, string>> = {
  Accounting: 'Accounting software',
  Banking: 'Bank accounts',
  Commerce: 'Commerce and payments',
  BankFeed: 'Bank feeds',
};

/** Enabled integrations by source type; sandbox ones only on request, as in Codat's Link. */
function integrationSections(showSandbox: boolean): Array<[SourceType, Platform[]]> {
  const sections = new Map<SourceType, Platform[]>();
  for (const platform of PLATFORMS) {
    if (!platform.enabled || (platform.sandbox && !showSandbox)) continue;
    let list = sections.get(platform.sourceType);
    if (!list) sections.set(platform.sourceType, (list = []));
    list.push(platform);
  }
  return [...sections];
}

function connectionsSection(emu: Emulator, origin: string, connections: ConnectionRecord[]): Html | undefined {
  if (connections.length === 0) return undefined;
  const items = connections.map((connection) => {
    const name = platformByKey(connection.integrationKey)?.name ?? connection.integrationKey;
    const action =
      connection.status === 'Linked'
        ? undefined
        : html` — <a href="${connectionLinkUrl(emu, origin, connection)}">Continue linking ${name}</a>`;
    return html`<li>${name}: ${connection.status}${action}</li>`;
  });
  return html`<h2>Your connections</h2><ul>${items}</ul>`;
}

function companyPage(emu: Emulator, origin: string, company: CompanyRecord, showSandbox: boolean): Html {
  const sections = integrationSections(showSandbox).map(([sourceType, platforms]) => {
    const title = SECTION_TITLES[sourceType] ?? sourceType;
    const buttons = platforms.map(
      (p) => html`<li><button type="submit" name="platformKey" value="${p.key}">Connect ${p.name}</button></li>`,
    );
    return html`<section aria-labelledby="section-${sourceType}">
      <h2 id="section-${sourceType}">${title}</h2>
      <form method="post" action="/link/company/${company.id}/connections"><ul class="choices">${buttons}</ul></form>
    </section>`;
  });
  return page(
    `Connect ${company.name}`,
    html`<h1>Share ${company.name}'s business data</h1>
      <p>Choose the software your business uses. You will be asked to authorize access.</p>
      ${connectionsSection(emu, origin, emu.store.connectionsOf(company))}
      ${sections}`,
  );
}

/** `/link/company/{companyId}`: the company `redirect` (Hosted Link). */
export function companyPages(emu: Emulator): Hono {
  const app = new Hono();

  app.get('/link/company/:companyId', (c) => {
    const company = findCompany(emu, c.req.param('companyId'));
    const showSandbox = c.req.query('link.showSandboxIntegrations') === 'true';
    return c.html(companyPage(emu, requestOrigin(emu, c.req.url), company, showSandbox));
  });

  // Picking a platform reuses a connection still waiting for authorization, as Link does.
  app.post('/link/company/:companyId/connections', async (c) => {
    const company = findCompany(emu, c.req.param('companyId'));
    const form = await c.req.parseBody();
    const platformKey = typeof form.platformKey === 'string' ? form.platformKey : '';
    const origin = requestOrigin(emu, c.req.url);
    const connection =
      emu.store.connectionsOf(company).find((x) => x.integrationKey === platformKey && x.status === 'PendingAuth') ??
      createConnection(emu, company, platformKey, origin);
    return c.redirect(connectionLinkUrl(emu, origin, connection), 303);
  });

  return app;
}

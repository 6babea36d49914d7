import type { Context } from 'hono';
import { Hono } from 'hono';
import { audit, withAudit } from '../audit/index.js';
import { integrationCatalog } from '../codat/integration-catalog.js';
import type { BffDeps } from '../deps.js';
import { conflict, notFound } from '../http/api-error.js';
import { uuid } from '../http/params.js';
import { readParam } from '../http/request-input.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import { parseConnectionRecordId } from '../resources/connections/connection-id.js';
import { connectionLinkRefusal } from '../resources/connections/link-policy.js';
import { linkLifetime } from './link-urls/expiry.js';
import { inviteAvailabilitySchema, linkUrlResponseSchema, type LinkUrlResponse } from './link-urls/schemas.js';
import {
  companyLinkTexts,
  connectionLinkTexts,
  INVITE_WARNING,
  inviteTexts,
} from './link-urls/texts.js';

/** Link URLs can carry one-time passwords: fetched fresh from Codat on every call, never cached or logged. */
const noStore = (c: Context, body: LinkUrlResponse) =>
  c.json(body, 200, { 'Cache-Control': 'no-store' });

/**
 * The only routes that hand out Link URLs. POST because each read may mint a new one-time
 * password. Every reveal is audited before the URL leaves the BFF.
 */
export function linkUrlRoutes(deps: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();

  app.post('/companies/:id/link-url', async (c) => {
    const companyId = readParam(c, 'id', uuid, 'company id');
    const body = await withAudit(c, 'link.reveal', { companyId }, async (draft) => {
      draft.details.kind = 'company';
      const company = await deps.codat.companies.get(companyId);
      draft.target.companyName = company.name;
      const lifetime = linkLifetime(company.redirect, deps.now());
      return {
        kind: 'company' as const,
        url: company.redirect,
        ...lifetime,
        ...companyLinkTexts(company.name, company.redirect, lifetime),
        companyId,
      };
    });
    return noStore(c, body);
  });

  app.post('/connections/:id/link-url', async (c) => {
    const ref = parseConnectionRecordId(c.req.param('id'));
    const body = await withAudit(c, 'link.reveal', ref, async (draft) => {
      draft.details.kind = 'connection';
      const connection = await deps.codat.connections.get(ref.companyId, ref.connectionId);
      const platformKey = (
        await integrationCatalog(deps.codat, deps.now).keyResolver([connection])
      )(connection);
      draft.details.platformKey = platformKey;
      const refusal = connectionLinkRefusal({ platformKey, status: connection.status });
      if (refusal) throw conflict(refusal, { platformKey, status: connection.status });
      const lifetime = linkLifetime(connection.linkUrl, deps.now(), platformKey);
      return {
        kind: 'connection' as const,
        url: connection.linkUrl,
        ...lifetime,
        ...connectionLinkTexts(
          connection.platformName,
          connection.status,
          connection.linkUrl,
          lifetime,
        ),
        ...ref,
      };
    });
    return noStore(c, body);
  });

  // Lets the Share panel show the option as unavailable instead of failing after a click.
  app.get('/invite-url/availability', (c) => c.json({ available: deps.settings.inviteUrl !== undefined }));

  app.get('/invite-url', async (c) => {
    const url = deps.settings.inviteUrl;
    if (!url)
      throw notFound(
        'No invite URL is configured. Set CODAT_INVITE_URL to the Portal\'s "Invite company" URL.',
      );
    await audit(c).record({ action: 'link.reveal', outcome: 'ok', details: { kind: 'invite' } });
    return noStore(c, {
      kind: 'invite',
      url,
      oneTime: false,
      expiresAt: null,
      warning: INVITE_WARNING,
      ...inviteTexts(url),
    });
  });

  docs.add(
    {
      method: 'post',
      path: '/companies/{id}/link-url',
      tag: 'link-urls',
      summary:
        "The company's hosted Link URL, fetched fresh (new and returning customers). Expiry set when it is a one-time link.",
      response: linkUrlResponseSchema,
    },
    {
      method: 'post',
      path: '/connections/{id}/link-url',
      tag: 'link-urls',
      summary:
        "A connection's own Link URL, fetched fresh (QuickBooks Online Bank Feeds: new one-hour code per call). " +
        '409 for Linked connections and for Sage Bank Feeds (authorised inside Sage).',
      response: linkUrlResponseSchema,
    },
    {
      method: 'get',
      path: '/invite-url',
      tag: 'link-urls',
      summary:
        'The configured invite URL (creates a new company per visitor); 404 when not configured.',
      response: linkUrlResponseSchema,
    },
    {
      method: 'get',
      path: '/invite-url/availability',
      tag: 'link-urls',
      summary:
        'Whether an invite URL is configured (CODAT_INVITE_URL; on the embedded emulator its invite page), without revealing it.',
      response: inviteAvailabilitySchema,
    },
  );
  return app;
}

import { Hono } from 'hono';
import { z } from 'zod';
import type { BffDeps } from '../deps.js';
import { ApiError, badRequest } from '../http/api-error.js';
import { mirrorRuntime } from '../mirror/runtime.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import { applyCodatEvent, codatEventSchema, EventPayloadError } from './codat-events.js';
import { verifyWebhook } from './signature.js';

const receiptSchema = z.object({ received: z.literal(true), applied: z.boolean() });

/**
 * `POST /api/webhooks/codat`: Codat's events, public (Codat has no session) but signed. A bad or
 * stale signature is refused with 401 and counted; a verified event updates the mirror at once.
 */
export function webhookRoutes(deps: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();

  app.post('/codat', async (c) => {
    const { settings, events } = mirrorRuntime(deps);
    if (!settings.webhookSecret) throw new ApiError(404, 'not_found', 'Codat webhooks are not configured here (CODAT_WEBHOOK_SECRET is unset).');
    const body = await c.req.text();
    const headers = { id: c.req.header('webhook-id'), timestamp: c.req.header('webhook-timestamp'), signature: c.req.header('webhook-signature') };
    const rejection = verifyWebhook(settings.webhookSecret, headers, body, deps.now());
    if (rejection) {
      deps.metrics.webhookRejections.inc({ reason: rejection });
      deps.logger.warn({ reason: rejection, webhookId: headers.id }, 'Codat webhook refused');
      throw new ApiError(401, 'invalid_signature', 'The webhook signature could not be verified.');
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw badRequest('The webhook body is not JSON.');
    }
    const event = codatEventSchema.safeParse(json);
    if (!event.success) throw badRequest(`Not a Codat event: ${z.prettifyError(event.error)}`);
    try {
      const outcome = await applyCodatEvent(events, event.data);
      deps.metrics.webhookEvents.inc({ eventType: event.data.eventType, outcome });
      return c.json({ received: true as const, applied: outcome === 'applied' });
    } catch (error) {
      if (!(error instanceof EventPayloadError)) throw error;
      deps.metrics.webhookEvents.inc({ eventType: event.data.eventType, outcome: 'invalid' });
      throw badRequest(error.message);
    }
  });

  docs.add({
    method: 'post',
    path: '/webhooks/codat',
    tag: 'webhooks',
    summary:
      'Codat webhook receiver (public; Svix signature checked: webhook-id, webhook-timestamp within 5 minutes, webhook-signature v1 HMAC-SHA256 with CODAT_WEBHOOK_SECRET). company.* and connection.* events update the mirror; others are acknowledged. 401 on a bad signature.',
    body: codatEventSchema,
    response: receiptSchema,
  });
  return app;
}

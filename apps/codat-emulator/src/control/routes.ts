/**
 * The emulator's control API, mounted at /_emulator. Not part of Codat's contract: tests, e2e
 * specs and demos drive the emulator through it. JSON in and out, the same Basic API key as the
 * Codat API, errors in Codat's ErrorMessage shape. Not subject to injected faults or the rate limit.
 *
 * POST /reset                                  empty store, real clock, no faults, default rate limit → state
 * POST /seed        { scenario?, companies?, seed?, anchor? }
 *                                              reset, then seed a scenario (`demo` by default) → { scenario, seed, anchor, elapsedMs, counts }
 * POST /connections/{connectionId}/authorize   the SMB completes Link (first link queues the initial read) → Connection
 * POST /connections/{connectionId}/cancel      the SMB abandons Link: active 403, `connection.failed` → Connection (409 when Linked)
 * POST /connections/{connectionId}/deauthorize the platform revokes access: Deauthorized, active 401 → Connection (409 unless Linked)
 * POST /clock/advance  { ms }                  moves the clock forward, then runs due work (settles syncs) → state
 * PUT  /faults      { latencyMs?, errorRate?, errorStatus?, burst?: { status, count, retryAfterSeconds? }, methods? }
 *                                              replaces the injected faults (omitted = none) → faults
 * PUT  /rate-limit  { limit, windowSeconds }   replaces the request budget and starts a new window → rateLimit
 * GET  /state                                  counts (companies, connections by status × platform, …), clock, faults, rate limit,
 *                                              requests refused by the 10-per-company concurrency rule
 */
import { Hono } from 'hono';
import { cancelLinking, completeLinking, deauthorizeConnection } from '../domain/connection-lifecycle.js';
import { UUID_PATTERN } from '../domain/ids.js';
import { renderConnection, requestOrigin } from '../domain/render.js';
import type { Emulator } from '../emulator.js';
import { basicAuth } from '../http/auth.js';
import { readJson } from '../http/body.js';
import { CodatError, errors } from '../http/errors.js';
import { NO_FAULTS } from '../http/faults.js';
import { defaultAnchorMs } from '../seed/context.js';
import { DEFAULT_SEED, seedScenario } from '../seed/scenarios.js';
import type { ConnectionRecord, ConnectionStatus } from '../store/types.js';
import { clockAdvanceBody, faultsBody, rateLimitBody, seedBody } from './bodies.js';
import { emulatorState } from './state.js';

function connectionById(emu: Emulator, connectionId: string): ConnectionRecord {
  const connection = UUID_PATTERN.test(connectionId) ? emu.store.connections.get(connectionId.toLowerCase()) : undefined;
  if (!connection) throw errors.connectionNotFound(connectionId);
  return connection;
}

function requireStatus(connection: ConnectionRecord, allowed: readonly ConnectionStatus[], action: string): void {
  if (allowed.includes(connection.status)) return;
  throw new CodatError(
    409,
    'PublicApi',
    `Connection ${connection.id} is ${connection.status}; only ${allowed.join(' or ')} connections can be ${action}.`,
  );
}

type ConnectionAction = (emu: Emulator, connection: ConnectionRecord, origin: string) => void;

const ACTIONS: Record<string, { allowed: readonly ConnectionStatus[]; past: string; run: ConnectionAction }> = {
  authorize: { allowed: ['PendingAuth', 'Deauthorized', 'Unlinked'], past: 'authorized', run: completeLinking },
  cancel: { allowed: ['PendingAuth', 'Deauthorized', 'Unlinked'], past: 'cancelled', run: cancelLinking },
  deauthorize: { allowed: ['Linked'], past: 'deauthorized', run: deauthorizeConnection },
};

export function controlRoutes(emu: Emulator): Hono {
  const app = new Hono();
  app.use(basicAuth(() => emu.config.apiKey));

  app.post('/reset', (c) => {
    emu.reset();
    return c.json(emulatorState(emu));
  });

  app.post('/seed', async (c) => {
    const body = await readJson(c, seedBody.optional(), { optional: true });
    const { scenario = 'demo', companies, seed = DEFAULT_SEED, anchor } = body ?? {};
    emu.reset();
    const anchorMs = anchor ? Date.parse(anchor) : defaultAnchorMs(emu);
    const startedMs = performance.now();
    const counts = seedScenario(emu, { scenario, companies, seed, anchorMs });
    const elapsedMs = Math.round(performance.now() - startedMs);
    return c.json({ scenario, seed, anchor: new Date(anchorMs).toISOString(), elapsedMs, counts });
  });

  app.post('/connections/:connectionId/:action', (c) => {
    const action = ACTIONS[c.req.param('action')];
    if (!action) throw errors.notFound();
    const connection = connectionById(emu, c.req.param('connectionId'));
    requireStatus(connection, action.allowed, action.past);
    const origin = requestOrigin(emu, c.req.url);
    action.run(emu, connection, origin);
    return c.json(renderConnection(emu, origin, connection));
  });

  app.post('/clock/advance', async (c) => {
    const { ms } = await readJson(c, clockAdvanceBody);
    emu.clock.advance(ms);
    emu.tick();
    return c.json(emulatorState(emu));
  });

  app.put('/faults', async (c) => {
    const body = await readJson(c, faultsBody);
    emu.faults.settings = { ...NO_FAULTS, ...body, burst: body.burst && { ...body.burst } };
    return c.json(emu.faults.settings);
  });

  app.put('/rate-limit', async (c) => {
    const { limit, windowSeconds } = await readJson(c, rateLimitBody);
    emu.rateLimiter.configure({ limit, windowMs: windowSeconds * 1000 });
    return c.json(emulatorState(emu).rateLimit);
  });

  app.get('/state', (c) => c.json(emulatorState(emu)));

  return app;
}

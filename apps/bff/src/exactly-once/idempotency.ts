import type { Context, MiddlewareHandler } from 'hono';
import { createHash } from 'node:crypto';
import type { Db } from '../db/database.js';
import { ApiError, badRequest } from '../http/api-error.js';
import { claimKey, readKey, releaseKey, storeAnswer, takeOverKey, type Claim, type IdempotencyRecord, type KeyRef } from './idempotency-store.js';
import { OUTCOME_UNKNOWN, outcomeUnknown } from './unknown-outcome.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Printable ASCII, as Stripe and the IETF draft allow; a UUID fits. */
const KEY_FORMAT = /^[\x21-\x7e]{8,255}$/;
/**
 * How long a running key is its request's. Before the request writes an audit attempt (parsing,
 * checks: milliseconds) nothing has reached Codat, so a key whose replica died then is taken over
 * soon; once the attempt is written the lease covers the longest Codat call (timeout and retries).
 */
const PRE_ATTEMPT_LEASE_MS = 30_000;
export const ATTEMPT_LEASE_MS = 120_000;
/** How long a repeat waits for the first request before answering 409. */
const WAIT_MS = 10_000;
const POLL_MS = 100;
/** Failures after which nothing changed: the key is freed so the same intent can be tried again. */
const NOTHING_CHANGED = new Set(['codat_timeout', 'codat_unreachable', 'codat_error', 'codat_unavailable', 'codat_auth', 'codat_invalid_response', 'codat_rate_limited']);

export interface ActionRuntime {
  db: Db;
  now: () => number;
  /** See ResolverSettings.settleMs. */
  settleMs: number;
  /** Starts watching an action whose outcome is unknown. */
  watch(attemptId: number): void;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** Bound by the exactly-once middleware for withAudit. */
    actions?: ActionRuntime;
    /** The request's Idempotency-Key, when it carried one. */
    idempotencyKey?: KeyRef;
  }
}

/** The methods the middleware is mounted for: every one an /api route answers (a GET export may reveal, audited by withAudit). */
export const ACTION_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

async function fingerprintOf(c: Context): Promise<string> {
  const url = new URL(c.req.url);
  const query = [...url.searchParams].sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256')
    .update(`${c.req.method} ${url.pathname}\n${JSON.stringify(query)}\n`)
    .update(await c.req.text())
    .digest('hex');
}

function replay(record: IdempotencyRecord): Response {
  return new Response(record.body, {
    status: record.status!,
    headers: { 'Content-Type': record.contentType ?? 'application/json', 'Idempotent-Replayed': 'true' },
  });
}

async function keepsAnswer(response: Response): Promise<boolean> {
  if (response.status < 400) return true;
  if (response.status < 500) return false;
  const code = ((await response.clone().json().catch(() => undefined)) as { error?: { code?: string } } | undefined)?.error?.code;
  return code === OUTCOME_UNKNOWN || !NOTHING_CHANGED.has(code ?? '');
}

/**
 * Exactly-once actions: binds the action runtime for withAudit, and gives every state-changing
 * request that carries an `Idempotency-Key` (per staff member) one execution. The first answer is
 * kept in the database, so every replica replays it; a repeat while the first still runs waits for
 * it (409 after WAIT_MS); the same key with another request is 422. A refusal or a definite "no"
 * from Codat frees the key. A key whose replica died: if it had reached Codat, the answer is that
 * action's outcome check (504 outcome_unknown); if not, the repeat runs it.
 */
export function exactlyOnce(runtime: ActionRuntime): MiddlewareHandler {
  return async (c, next) => {
    c.set('actions', runtime);
    const header = c.req.header(IDEMPOTENCY_HEADER);
    const staff = c.get('staff');
    if (c.req.method === 'GET' || header === undefined || !staff) return next();
    if (!KEY_FORMAT.test(header)) throw badRequest(`${IDEMPOTENCY_HEADER} must be 8 to 255 printable ASCII characters, such as a UUID.`);

    const now = runtime.now();
    const claim: Claim = {
      actorId: staff.id,
      key: header,
      route: `${c.req.method} ${c.req.path}`,
      fingerprint: await fingerprintOf(c),
      now: new Date(now),
      leaseUntil: new Date(now + PRE_ATTEMPT_LEASE_MS),
    };
    const waitUntil = Date.now() + WAIT_MS;
    for (;;) {
      const at = runtime.now();
      if ((await claimKey(runtime.db, claim)) || (await takeOverKey(runtime.db, { ...claim, now: new Date(at), leaseUntil: new Date(at + PRE_ATTEMPT_LEASE_MS) }))) break;
      const record = await readKey(runtime.db, claim);
      if (!record) continue;
      if (record.fingerprint !== claim.fingerprint) {
        throw new ApiError(422, 'idempotency_key_reused', `This ${IDEMPOTENCY_HEADER} was used for a different request (${record.route}). Use a new key for a new action.`);
      }
      if (record.state === 'done') return replay(record);
      if (record.leaseUntil.getTime() < runtime.now() && record.attemptId !== null) {
        // Its replica died after writing the attempt: Codat may have been called. The resolver settles it.
        runtime.watch(record.attemptId);
        throw outcomeUnknown(record.attemptId);
      }
      if (Date.now() >= waitUntil) {
        throw new ApiError(409, 'idempotency_in_progress', 'The same action is still running. Wait for it to finish.', undefined, { 'Retry-After': '1' });
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }

    c.set('idempotencyKey', claim);
    try {
      await next();
    } catch (error) {
      await releaseKey(runtime.db, claim);
      throw error;
    }
    const response = c.res;
    if (await keepsAnswer(response)) {
      await storeAnswer(runtime.db, claim, { status: response.status, contentType: response.headers.get('Content-Type'), body: await response.clone().text() });
    } else {
      await releaseKey(runtime.db, claim);
    }
  };
}

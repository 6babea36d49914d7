import { can, ROLES, type Role } from '@console/contracts';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STACK_ACCOUNTS, startStack, type Stack } from '../../test/stack.js';
import { AuditLog } from '../audit/audit-log.js';
import { onError } from '../http/on-error.js';
import { apiAccess } from './access.js';
import { ROUTE_PERMISSIONS } from './route-permissions.js';

/** Codes with which the access middleware, not a handler, refuses. */
const GATE_CODES = ['unauthenticated', 'forbidden', 'csrf_token', 'csrf_origin', 'route_permission_missing'];

/** A concrete path for a route pattern: ids become a random UUID, `*` any segment. */
const samplePath = (pattern: string) =>
  pattern.replace(/:dataType\b/g, 'invoices').replace(/:\w+/g, () => crypto.randomUUID()).replace(/\*/g, 'no-such-route');

describe('every /api route declares who may call it, and the access middleware enforces it', () => {
  let stack: Stack;
  let keys: string[];
  beforeAll(async () => {
    stack = await startStack({ scenario: 'empty' });
    keys = [...new Set(stack.app.routes.filter((route) => route.path.startsWith('/api')).map((route) => `${route.method} ${route.path}`))];
  });
  afterAll(() => stack.close());

  it('has an entry in ROUTE_PERMISSIONS for every registered route', () => {
    expect(keys.filter((key) => !(key in ROUTE_PERMISSIONS))).toEqual([]);
  });

  it('has no entry for a route that does not exist (a typo would protect nothing)', () => {
    expect(Object.keys(ROUTE_PERMISSIONS).filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('answers 401 without a session, 403 without the permission, and lets the role through with it', async () => {
    const outcomes: string[] = [];
    for (const key of keys) {
      const access = ROUTE_PERMISSIONS[key];
      if (access === undefined || access === 'middleware') continue;
      const [method, pattern] = key.split(' ') as [string, string];
      const check = async (who: Role | 'anonymous') => {
        // Signing out ends the session, so that check gets a session of its own.
        const client =
          key === 'POST /api/auth/logout' && who !== 'anonymous'
            ? await stack.signIn(STACK_ACCOUNTS[who].email, STACK_ACCOUNTS[who].password)
            : await stack.as(who);
        const response = await client.request(samplePath(pattern), { method: method === 'ALL' ? 'GET' : method });
        const text = await response.text();
        const code: string | undefined = response.headers.get('Content-Type')?.includes('json') && text ? JSON.parse(text).error?.code : undefined;
        const allowed = access === 'public' || (who !== 'anonymous' && (access === 'signed-in' || can(who as Role, access)));
        const expected = allowed ? 'through' : who === 'anonymous' ? '401 unauthenticated' : '403 forbidden';
        const actual =
          code !== undefined && GATE_CODES.includes(code) ? `${response.status} ${code}` : [401, 403].includes(response.status) ? `${response.status} from handler` : 'through';
        outcomes.push(`${key} as ${who}: ${actual}${actual === expected ? '' : ` (expected ${expected})`}`);
      };
      await Promise.all((['anonymous', ...ROLES] as const).map(check));
    }
    expect(outcomes.filter((outcome) => outcome.includes('expected'))).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(5 * 40);
  }, 60_000);

  it('agrees with the role matrix of DESIGN.md §5 on its key rows', () => {
    const rows: Array<[string, Role[]]> = [
      ['GET /api/companies', ['customer_success', 'support', 'finance', 'admin']],
      ['POST /api/companies/:id/link-url', ['customer_success', 'support', 'admin']],
      ['POST /api/companies', ['customer_success', 'support', 'admin']],
      ['GET /api/pull-operations', ['customer_success', 'support', 'finance', 'admin']],
      ['POST /api/companies/:companyId/refresh', ['support', 'admin']],
      ['POST /api/connections/:id/unlink', ['support', 'admin']],
      ['PUT /api/source-accounts/:id', ['support', 'admin']],
      ['DELETE /api/connections/:id', ['admin']],
      ['DELETE /api/companies/:id', ['admin']],
      ['GET /api/audit-events/export', ['finance', 'admin']],
      ['POST /api/staff', ['admin']],
    ];
    for (const [key, roles] of rows) {
      const access = ROUTE_PERMISSIONS[key];
      expect(ROLES.filter((role) => access === 'signed-in' || (access !== undefined && access !== 'public' && access !== 'middleware' && can(role, access))), key).toEqual(roles);
    }
  });

  it('treats HEAD as GET', async () => {
    const finance = await stack.as('finance');
    expect((await finance.request('/api/staff', { method: 'HEAD' })).status).toBe(403);
    expect((await stack.request('/api/staff', { method: 'HEAD' })).status).toBe(200);
  });

  it('refuses, and logs, a route that has no declared permission', async () => {
    const api = new Hono();
    api.use(apiAccess(stack.deps, new AuditLog(stack.deps.db, stack.deps.now, stack.deps.logger)));
    api.get('/undeclared', (c) => c.json({ leaked: true }));
    const app = new Hono();
    app.use(requestId());
    app.route('/api', api);
    app.onError(onError(stack.deps.logger));
    const response = await app.request('http://console.test/api/undeclared');
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: 'route_permission_missing' } });
    expect(stack.logLines.some((line) => line.includes('GET /api/undeclared') && line.includes('ROUTE_PERMISSIONS'))).toBe(true);
  });
});

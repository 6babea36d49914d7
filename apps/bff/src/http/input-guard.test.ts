import { DEMO_FIXTURES } from '@console/codat-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, lastAuditId } from '../../test/audit-entries.js';
import { codatCalls } from '../../test/codat-calls.js';
import { DATABASE_KINDS } from '../../test/databases.js';
import { STACK_ACCOUNTS, startStack, type Stack } from '../../test/stack.js';
import { ROUTE_PERMISSIONS } from '../auth/route-permissions.js';

const { bankFeedAccounts: feed, activeError } = DEMO_FIXTURES;
const NUL = '\u0000';
const account = { id: 'acc-sweep', accountName: 'Sweep current', accountType: 'Credit', accountNumber: '12345678', sortCode: '123456', currency: 'GBP', balance: 1 };

/** A well-formed body for every route that takes one: each of its strings and keys gets a NUL in turn. */
const SAMPLE_BODIES: Record<string, unknown> = {
  'POST /api/auth/login': { email: 'admin@console.test', password: 'not-the-password' },
  'PUT /api/auth/settings': { passwordSignIn: true },
  'POST /api/companies': { name: 'Sweep Ltd', merchantId: 'M-SWEEP', description: 'swept', tags: { region: 'north' }, confirmNewCompany: { reason: 'a new customer' } },
  'PUT /api/companies/:id': { name: 'Kestrel Joinery Ltd', description: 'edited', merchantId: 'M-100005', tags: { region: 'north' } },
  'POST /api/connections': { companyId: feed.companyId, platformKey: 'gbol' },
  'POST /api/source-accounts': { companyId: feed.companyId, connectionId: feed.connectionId, account },
  'POST /api/source-accounts/batch': { companyId: feed.companyId, connectionId: feed.connectionId, accounts: [account] },
  'POST /api/source-accounts/validate': { companyId: feed.companyId, connectionId: feed.connectionId, account },
  'PUT /api/source-accounts/:id': { accountName: 'Renamed' },
  'POST /api/companies/:companyId/refresh/:dataType': { connectionId: feed.connectionId },
  'POST /api/staff': { email: 'sweep@console.test', name: 'Sweep', role: 'support', password: 'sweep-password-0001' },
  'PUT /api/staff/:id': { name: 'Renamed', role: 'support' },
  'POST /api/staff/:id/reset-password': { password: 'sweep-password-0002' },
  'POST /api/notes': { targetType: 'connection', targetId: activeError.connectionId, text: 'a note' },
  'PUT /api/reports/months/:month/invoice': { kind: 'count', invoicedCount: 12 },
  'POST /api/reports/months/:month/invoice/ids': { ids: [feed.connectionId] },
  'POST /api/jobs': { kind: 'refresh', dataTypes: ['invoices'], companyIds: [feed.companyId] },
  'POST /api/webhooks/codat': { id: 'evt_1', eventType: 'company.created', generatedDate: '2026-01-01T00:00:00Z', payload: { id: feed.companyId } },
};

/** A string filter key per list route, so the NUL sits where the route reads text. */
const FILTER_TEXT: Record<string, Record<string, string>> = {
  '/api/companies': { q: 'kestrel' },
  '/api/staff': { q: 'admin' },
  '/api/audit-events': { actor: 'admin' },
  '/api/connection-error-groups': { q: 'token' },
  '/api/notes': { targetId: activeError.connectionId },
  '/api/connections': { companyId: feed.companyId, sourceType: 'Banking' },
  '/api/source-accounts': { companyId: feed.companyId, connectionId: feed.connectionId },
  '/api/pull-operations': { companyId: feed.companyId },
  '/api/data-status': { companyId: feed.companyId },
};

/** Every way to put a NUL into a copy of `value`: in each string and each object key. */
function withNulEverywhere(value: unknown, at = ''): Array<{ where: string; value: unknown }> {
  if (typeof value === 'string') return [{ where: at, value: `${value}${NUL}x` }];
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => withNulEverywhere(item, `${at}[${i}]`).map((v) => ({ where: v.where, value: value.map((old, j) => (j === i ? v.value : old)) })));
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    return [
      { where: `${at}{key}`, value: { ...value, [`extra${NUL}`]: 'x' } },
      ...entries.flatMap(([key, item]) =>
        withNulEverywhere(item, at ? `${at}.${key}` : key).map((v) => ({ where: v.where, value: { ...value, [key]: v.value } })),
      ),
    ];
  }
  return [];
}

describe.each(DATABASE_KINDS)('control characters in any request input on %s', (kind) => {
  let stack: Stack;
  let paramValues: Record<string, string>;
  beforeAll(async () => {
    stack = await startStack({ database: kind });
    const staff = await stack.json('/api/staff?filter={"q":"support@"}');
    paramValues = {
      companyId: feed.companyId,
      dataType: 'invoices',
      key: 'gbol',
      'companies:id': feed.companyId,
      'connections:id': `${feed.companyId}.${feed.connectionId}`,
      'source-accounts:id': `${feed.companyId}.${feed.connectionId}.acc-001`,
      'staff:id': staff.body[0].id,
      'audit-events:id': '1',
      'mirror-syncs:id': '1',
      'notes:id': activeError.connectionId,
      'connection-error-groups:id': 'a'.repeat(24),
      'data-status:id': `${feed.companyId}.invoices`,
      'pull-operations:id': `${feed.companyId}.${feed.connectionId}`,
      'integrations:key': 'gbol',
      month: '2026-11',
      'jobs:id': '1',
      'operations:id': '1',
    };
  }, 60_000);
  afterAll(() => stack.close());

  const routes = Object.keys(ROUTE_PERMISSIONS).filter((key) => !key.startsWith('ALL ') && ROUTE_PERMISSIONS[key] !== 'middleware');
  const pathOf = (pattern: string, nulIn?: string) =>
    pattern.replace(/:(\w+)/g, (_, name: string) => {
      const value = paramValues[`${pattern.split('/')[2]}:${name}`] ?? paramValues[name]!;
      return name === nulIn ? `${encodeURIComponent(value)}%00` : encodeURIComponent(value);
    });

  /** Sends one poisoned request; answers what went wrong, or undefined when it was refused as it should be. */
  const probe = async (method: string, path: string, body: unknown, label: string) => {
    // Signing out ends the session, so that route is probed with a session of its own.
    const client = path.startsWith('/api/auth/logout') ? await stack.signIn(STACK_ACCOUNTS.support.email, STACK_ACCOUNTS.support.password) : stack;
    const calls = codatCalls(stack);
    const before = await lastAuditId(stack.db);
    const response = await client.request(path, { method, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    const code = response.headers.get('Content-Type')?.includes('json') && text ? JSON.parse(text).error?.code : undefined;
    const problems: string[] = [];
    if (response.status !== 400 || code !== 'control_characters') problems.push(`${response.status} ${code}`);
    if (codatCalls(stack) !== calls) problems.push('called Codat');
    const rows = await auditRows(stack.db, before);
    if (method !== 'GET' && !rows.some((row) => row.action === 'input.refused' && row.outcome === 'refused')) problems.push('no refused audit entry');
    if (rows.some((row) => row.outcome !== 'refused')) problems.push(`audited ${rows.map((row) => `${row.action}:${row.outcome}`).join(',')}`);
    return problems.length ? `${label}: ${problems.join('; ')}` : undefined;
  };

  it('declares a sample body for every route that takes one', () => {
    const bodyless = ['POST /api/auth/logout', 'POST /api/connections/:id/unlink', 'POST /api/source-accounts/:id/reveal', 'POST /api/companies/:id/link-url',
      'POST /api/connections/:id/link-url', 'POST /api/companies/:companyId/refresh', 'POST /api/mirror-syncs', 'POST /api/staff/:id/unlock',
      'POST /api/reports/months/:month/close', 'POST /api/jobs/:id/cancel', 'POST /api/jobs/:id/resume'];
    const changing = routes.filter((key) => /^(POST|PUT|PATCH) /.test(key));
    expect(changing.filter((key) => !(key in SAMPLE_BODIES) && !bodyless.includes(key))).toEqual([]);
  });

  it('refuses a NUL in every path parameter, query parameter and body value with 400, before Codat, and audits changing requests', async () => {
    const docs = (await stack.json('/api/openapi.json')).body as { paths: Record<string, Record<string, { parameters: Array<{ name: string; in: string }> }>> };
    const failures: Array<string | undefined> = [];
    for (const key of routes) {
      const [method, pattern] = key.split(' ') as [string, string];
      const body = SAMPLE_BODIES[key];
      for (const name of [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1]!)) {
        failures.push(await probe(method, pathOf(pattern, name), body, `${key} path :${name}`));
      }
      const documented = docs.paths[pattern.replace(/^\/api/, '').replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()]?.parameters ?? [];
      for (const name of ['probe', ...documented.filter((p) => p.in === 'query').map((p) => p.name)]) {
        const value = name === 'filter' ? JSON.stringify(Object.fromEntries(Object.entries(FILTER_TEXT[pattern] ?? { q: 'x' }).map(([k, v]) => [k, `${v}${NUL}`]))) : `x${NUL}`;
        failures.push(await probe(method, `${pathOf(pattern)}?${name}=${encodeURIComponent(value)}`, body, `${key} query ${name}`));
      }
      for (const poisoned of withNulEverywhere(body)) {
        failures.push(await probe(method, pathOf(pattern), poisoned.value, `${key} body ${poisoned.where}`));
      }
    }
    expect(failures.filter(Boolean)).toEqual([]);
  }, 120_000);

  it('refuses a field a body schema does not take with a 400 naming it, before Codat, on the record', async () => {
    const failures: string[] = [];
    // Codat's webhook events stay open to fields Codat adds; every body the console's users send is closed.
    for (const [key, body] of Object.entries(SAMPLE_BODIES).filter(([key]) => key !== 'POST /api/webhooks/codat')) {
      const [method, pattern] = key.split(' ') as [string, string];
      const calls = codatCalls(stack);
      const before = await lastAuditId(stack.db);
      const response = await stack.json(pathOf(pattern), { method, body: { ...(body as object), unexpectedField: 'x' } });
      const rows = await auditRows(stack.db, before);
      const named = response.status === 400 && response.body.error.details?.unknownFields?.includes('unexpectedField') && response.body.error.message.includes('"unexpectedField"');
      if (!named || codatCalls(stack) !== calls || rows.map((row) => `${row.action}:${row.outcome}`).join() !== 'input.refused:refused') {
        failures.push(`${key}: ${response.status} ${response.body?.error?.message}; ${rows.map((row) => `${row.action}:${row.outcome}`).join()}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets free text keep tab and line breaks, and holds names to one line', async () => {
    const { companyId, name } = activeError;
    const description = 'Line one\r\n\tline two\nline three';
    expect(await stack.json(`/api/companies/${companyId}`, { method: 'PUT', body: { description } })).toMatchObject({ status: 200, body: { description } });
    const tabbed = await stack.json(`/api/companies/${companyId}`, { method: 'PUT', body: { name: `${name}\tLtd` } });
    expect(tabbed).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    expect(tabbed.body.error.message).toContain('not allowed: "\\t"');
    const bell = await stack.json(`/api/companies/${companyId}`, { method: 'PUT', body: { description: 'ding\u0007' } });
    expect(bell).toMatchObject({ status: 400, body: { error: { code: 'control_characters', details: { where: 'body.description', character: 'U+0007' } } } });
  });

  it('keeps what a refused request carried in the audit log, its control characters escaped', async () => {
    const before = await lastAuditId(stack.db);
    const path = `/api/source-accounts/${feed.companyId}.${feed.connectionId}.acc%00%1b/reveal`;
    expect((await stack.json(path, { method: 'POST' })).status).toBe(400);
    const [row] = await auditRows(stack.db, before);
    expect(row).toMatchObject({ action: 'input.refused', outcome: 'refused', actorEmail: STACK_ACCOUNTS.admin.email });
    expect(row!.reason).toContain('control character (U+0000)');
    expect(row!.details).toEqual({ route: 'POST /api/source-accounts/:id/reveal', path: expect.stringContaining('acc\\u0000\\u001b/reveal') });
  });
});


import type { StaffRecord } from '@console/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import simpleRestProvider from 'ra-data-simple-rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, lastAuditId } from '../../../test/audit-entries.js';
import { DATABASE_KINDS } from '../../../test/databases.js';
import { staffUsers } from '../../db/schema/index.js';
import { STACK_ACCOUNTS, startStack, type Stack } from '../../../test/stack.js';

describe('staff through ra-data-simple-rest', () => {
  let stack: Stack;
  let provider: ReturnType<typeof simpleRestProvider>;
  beforeAll(async () => {
    stack = await startStack({ scenario: 'empty' });
    provider = simpleRestProvider('http://console.test/api', async (url: string, options: any = {}) => {
      const headers = new Headers(options.headers);
      if (options.body) headers.set('Content-Type', 'application/json');
      const response = await stack.app.request(url, { method: options.method ?? 'GET', headers, body: options.body });
      const body = await response.text();
      if (response.status >= 300) throw Object.assign(new Error(body), { status: response.status, body: JSON.parse(body) });
      return { status: response.status, headers: response.headers, body, json: body ? JSON.parse(body) : undefined };
    });
  });
  afterAll(() => stack.close());

  it('invites staff with a generated password shown once, who can then sign in', async () => {
    const before = await lastAuditId(stack.db);
    const { data } = await provider.create<StaffRecord & { initialPassword?: string }>('staff', {
      data: { email: 'Dana@Console.test', name: 'Dana', role: 'customer_success' },
    });
    expect(data).toMatchObject({ email: 'dana@console.test', role: 'customer_success', disabled: false, passwordSet: true, sso: false });
    expect(data.initialPassword).toMatch(/^[\w-]{20}$/);
    expect((await stack.signIn('dana@console.test', data.initialPassword!)).session.user.role).toBe('customer_success');
    expect((await provider.getOne<StaffRecord>('staff', { id: data.id })).data).not.toHaveProperty('initialPassword');
    expect((await auditRows(stack.db, before))[0]).toMatchObject({
      action: 'staff.create',
      outcome: 'ok',
      actorEmail: STACK_ACCOUNTS.admin.email,
      details: { staffId: data.id, email: 'dana@console.test', role: 'customer_success' },
    });
  });

  it('lists, filters, sorts, pages and gets many', async () => {
    const page = await provider.getList<StaffRecord>('staff', { pagination: { page: 1, perPage: 2 }, sort: { field: 'email', order: 'DESC' }, filter: {} });
    expect(page.total).toBe(5);
    expect(page.data.map((staff) => staff.email)).toEqual(['support@console.test', 'finance@console.test']);
    const support = await provider.getList<StaffRecord>('staff', { pagination: { page: 1, perPage: 10 }, sort: { field: 'name', order: 'ASC' }, filter: { role: 'support' } });
    expect(support.data.map((staff) => staff.email)).toEqual(['support@console.test']);
    const byText = await provider.getList<StaffRecord>('staff', { pagination: { page: 1, perPage: 10 }, sort: { field: 'email', order: 'ASC' }, filter: { q: 'DANA' } });
    expect(byText.data.map((staff) => staff.name)).toEqual(['Dana']);
    const many = await provider.getMany<StaffRecord>('staff', { ids: page.data.map((staff) => staff.id) });
    expect(many.data).toHaveLength(2);
    // A LIKE wildcard in the search text matches only itself.
    const wildcard = await provider.getList('staff', { pagination: { page: 1, perPage: 10 }, sort: { field: 'email', order: 'ASC' }, filter: { q: '%' } });
    expect(wildcard.total).toBe(0);
  });

  it('changes a role with the whole record sent back (as react-admin does), audited with what changed', async () => {
    const { data: dana } = await provider.getList<StaffRecord>('staff', { pagination: { page: 1, perPage: 1 }, sort: { field: 'email', order: 'ASC' }, filter: { q: 'dana' } });
    const before = await lastAuditId(stack.db);
    const { data } = await provider.update<StaffRecord>('staff', { id: dana[0]!.id, data: { ...dana[0], role: 'support', email: 'ignored@x.test' }, previousData: dana[0]! });
    expect(data).toMatchObject({ role: 'support', email: 'dana@console.test' });
    expect((await auditRows(stack.db, before))[0]).toMatchObject({
      action: 'staff.update',
      details: { email: 'dana@console.test', changes: { role: { from: 'customer_success', to: 'support' } } },
    });
  });

  it('refuses a duplicate email, a bad role, a short password and unknown ids with clear answers, recording the refusal', async () => {
    const before = await lastAuditId(stack.db);
    const duplicate = await stack.json('/api/staff', { method: 'POST', body: { email: 'DANA@console.test', name: 'Again', role: 'finance' } });
    expect(duplicate).toMatchObject({ status: 409, body: { error: { message: 'There is already an account for dana@console.test.' } } });
    expect((await auditRows(stack.db, before))[0]).toMatchObject({ action: 'staff.create', outcome: 'refused' });
    expect((await stack.json('/api/staff', { method: 'POST', body: { email: 'x@x.test', name: 'X', role: 'owner' } })).status).toBe(400);
    expect((await stack.json('/api/staff', { method: 'POST', body: { email: 'x@x.test', name: 'X', role: 'finance', password: 'short' } })).status).toBe(400);
    expect((await stack.json('/api/staff/not-a-uuid')).status).toBe(400);
    expect((await stack.json(`/api/staff/${crypto.randomUUID()}`, { method: 'PUT', body: { role: 'admin' } })).status).toBe(404);
    expect((await stack.json('/api/staff?filter={"password":"x"}')).status).toBe(400);
    expect((await stack.json(`/api/staff/${stack.session!.user.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('resets a password: the old one stops working and every session of the account ends', async () => {
    const { email, password } = STACK_ACCOUNTS.finance;
    const finance = await stack.signIn(email, password);
    const reset = await stack.json(`/api/staff/${finance.session.user.id}/reset-password`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect((await finance.json('/api/auth/me')).status).toBe(401);
    expect((await stack.raw.json('/api/auth/login', { method: 'POST', body: { email, password } })).status).toBe(401);
    expect((await stack.signIn(email, reset.body.initialPassword)).session.user.email).toBe(email);
    const chosen = await stack.json(`/api/staff/${finance.session.user.id}/reset-password`, { method: 'POST', body: { password } });
    expect(chosen.body).not.toHaveProperty('initialPassword');
    expect((await stack.signIn(email, password)).session.user.email).toBe(email);
    expect((await auditRows(stack.db)).filter((row) => row.action === 'staff.reset-password')).toHaveLength(2);
  });

  it('refuses a misspelt field instead of dropping it: no generated password, the old one still works, refusal recorded', async () => {
    const { email, password } = STACK_ACCOUNTS.support;
    const id = (await stack.signIn(email, password)).session.user.id;
    const before = await lastAuditId(stack.db);
    const typo = await stack.json(`/api/staff/${id}/reset-password`, { method: 'POST', body: { passwrd: 'a-new-password-0001' } });
    expect(typo).toMatchObject({ status: 400, body: { error: { code: 'bad_request', details: { unknownFields: ['passwrd'] } } } });
    expect(typo.body.error.message).toContain('unknown field "passwrd"');
    expect((await stack.signIn(email, password)).session.user.email).toBe(email);
    expect((await auditRows(stack.db, before))[0]).toMatchObject({ action: 'input.refused', outcome: 'refused', details: { route: 'POST /api/staff/:id/reset-password' } });
    const renamed = await stack.json(`/api/staff/${id}`, { method: 'PUT', body: { name: 'Renamed', nmae: 'typo' } });
    expect(renamed).toMatchObject({ status: 400, body: { error: { details: { unknownFields: ['nmae'] } } } });
  });

  it('keeps a name on one line, without control characters', async () => {
    const twoLines = await stack.json('/api/staff', { method: 'POST', body: { email: 'lines@console.test', name: 'Two\nLines', role: 'finance' } });
    expect(twoLines).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    expect(twoLines.body.error.message).toContain('must be one line');
    const escape = await stack.json('/api/staff', { method: 'POST', body: { email: 'esc@console.test', name: 'Esc\u001b[31m', role: 'finance' } });
    expect(escape).toMatchObject({ status: 400, body: { error: { code: 'control_characters', details: { where: 'body.name', character: 'U+001B' } } } });
    expect((await stack.json('/api/staff?filter={"q":"console.test"}')).headers.get('X-Total-Count')).toBe('5');
  });
});

describe.each(DATABASE_KINDS)('the last active admin on %s', (kind) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ scenario: 'empty', database: kind });
  });
  afterAll(() => stack.close());
  const adminId = () => stack.session!.user.id;

  it('cannot be demoted or disabled, by themselves or anyone', async () => {
    for (const change of [{ role: 'support' }, { disabled: true }]) {
      const refused = await stack.json(`/api/staff/${adminId()}`, { method: 'PUT', body: change });
      expect(refused).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining('last active admin') } } });
    }
    expect((await auditRows(stack.db)).filter((row) => row.action === 'staff.update' && row.outcome === 'refused')).toHaveLength(2);
    expect((await stack.json('/api/auth/me')).body.user.role).toBe('admin');
  });

  it('can step down once another admin exists; of two admins demoting each other at once, exactly one remains', async () => {
    let current = await stack.as('admin');
    for (let round = 0; round < 4; round += 1) {
      const created = await current.json('/api/staff', { method: 'POST', body: { email: `admin${round}@console.test`, name: 'Admin', role: 'admin' } });
      const other = await stack.signIn(`admin${round}@console.test`, created.body.initialPassword);
      const results = await Promise.all([
        current.json(`/api/staff/${other.session.user.id}`, { method: 'PUT', body: { role: 'finance' } }),
        other.json(`/api/staff/${current.session!.user.id}`, { method: 'PUT', body: { disabled: true } }),
      ]);
      // The loser is refused as the last admin (409), or finds it is no longer an admin at all (403, or 401 once disabled).
      expect(results.filter((result) => result.status === 200)).toHaveLength(1);
      expect(results.filter((result) => [401, 403, 409].includes(result.status))).toHaveLength(1);
      const admins = await stack.db.select().from(staffUsers).where(and(eq(staffUsers.role, 'admin'), isNull(staffUsers.disabledAt)));
      expect(admins).toHaveLength(1);
      current = admins[0]!.id === other.session.user.id ? other : current;
    }
  });
});

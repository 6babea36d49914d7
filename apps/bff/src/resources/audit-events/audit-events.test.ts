import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, lastAuditId } from '../../../test/audit-entries.js';
import { DATABASE_KINDS } from '../../../test/databases.js';
import { STACK_ACCOUNTS, startStack, type Stack } from '../../../test/stack.js';
import { AuditLog } from '../../audit/audit-log.js';
import { EXPORT_BATCH_ROWS } from './export.js';

const COMPANY = '3f6c1d2a-8b4e-4f71-9c2d-5a1e7b9d0c11';
const OTHER_COMPANY = '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const filterQuery = (filter: object, extra = '') => `?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;

describe('the audit log as a react-admin resource', () => {
  let stack: Stack;
  let first: number;
  beforeAll(async () => {
    stack = await startStack({ scenario: 'empty' });
    first = await lastAuditId(stack.db);
    let time = Date.parse('2026-01-10T09:00:00Z');
    const log = new AuditLog(stack.db, () => (time += 3_600_000), stack.deps.logger);
    const cs = { id: '11111111-1111-4111-8111-111111111111', email: 'casey@console.test', role: 'customer_success' as const };
    const support = { id: '22222222-2222-4222-8222-222222222222', email: 'sam@console.test', role: 'support' as const };
    const request = { requestId: 'req-1', ip: '203.0.113.5', userAgent: 'test' };
    await log.append({ action: 'link-url.reveal', outcome: 'ok', target: { companyId: COMPANY, companyName: 'Acme Ltd' } }, cs, request);
    const attemptId = await log.append({ action: 'company.delete', outcome: 'attempt', target: { companyId: COMPANY, companyName: 'Acme Ltd' } }, support, request);
    await log.append({ action: 'company.delete', outcome: 'failed', attemptId, reason: 'Codat 503', codatCorrelationId: 'abc123', target: { companyId: COMPANY } }, support, request);
    await log.append({ action: 'link-url.reveal', outcome: 'ok', target: { companyId: OTHER_COMPANY, companyName: 'Other' } }, support, request);
  });
  afterAll(() => stack.close());

  const ids = (body: Array<{ id: number }>) => body.map((row) => row.id - first);

  it('lists newest first with totals, and gets one entry with every field', async () => {
    const list = await stack.json(`/api/audit-events${filterQuery({ actor: 'console.test', action: ['link-url.reveal', 'company.delete'] })}`);
    expect(list.status).toBe(200);
    expect(list.headers.get('Content-Range')).toBe('audit-events 0-3/4');
    expect(ids(list.body)).toEqual([4, 3, 2, 1]);
    const one = await stack.json(`/api/audit-events/${first + 3}`);
    expect(one.body).toEqual({
      id: first + 3,
      at: '2026-01-10T12:00:00.000Z',
      actorId: '22222222-2222-4222-8222-222222222222',
      actorEmail: 'sam@console.test',
      actorRole: 'support',
      action: 'company.delete',
      outcome: 'failed',
      reason: 'Codat 503',
      attemptId: first + 2,
      companyId: COMPANY,
      companyName: null,
      connectionId: null,
      sourceAccountId: null,
      details: null,
      requestId: 'req-1',
      codatCorrelationId: 'abc123',
      ip: '203.0.113.5',
      userAgent: 'test',
    });
  });

  it('filters by actor (email text or id), action, company, outcome and time range', async () => {
    const query = async (filter: object) => ids((await stack.json(`/api/audit-events${filterQuery(filter, '&sort=["id","ASC"]')}`)).body);
    expect(await query({ actor: 'CASEY' })).toEqual([1]);
    expect(await query({ actor: '22222222-2222-4222-8222-222222222222' })).toEqual([2, 3, 4]);
    expect(await query({ action: 'company.delete' })).toEqual([2, 3]);
    expect(await query({ companyId: COMPANY, actor: 'sam' })).toEqual([2, 3]);
    expect(await query({ outcome: 'failed' })).toEqual([3]);
    expect(await query({ from: '2026-01-10T11:00:00Z', to: '2026-01-10T13:00:00Z' })).toEqual([2, 3]);
    expect(await query({ from: '2026-01-10', to: '2026-01-11', actor: 'sam' })).toEqual([2, 3, 4]);
  });

  it('refuses unknown filters and malformed values', async () => {
    for (const filter of [{ reason: 'x' }, { from: 'yesterday' }, { companyId: 'acme' }, { action: 'DROP TABLE' }, { outcome: 'maybe' }]) {
      expect((await stack.json(`/api/audit-events${filterQuery(filter)}`)).status).toBe(400);
    }
    expect((await stack.json('/api/audit-events/abc')).status).toBe(400);
    expect((await stack.json('/api/audit-events/999999')).status).toBe(404);
  });

  it('offers no way to change or remove an entry', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      expect((await stack.json(`/api/audit-events/${first + 1}`, { method, body: { action: 'x' } })).status).toBe(404);
    }
    expect((await stack.json('/api/audit-events', { method: 'POST', body: { action: 'x' } })).status).toBe(404);
    expect((await stack.json(`/api/audit-events/${first + 1}`)).body.action).toBe('link-url.reveal');
  });

  it('is readable by finance and admins only', async () => {
    expect((await (await stack.as('finance')).json('/api/audit-events')).status).toBe(200);
    for (const role of ['customer_success', 'support'] as const) {
      expect((await (await stack.as(role)).json('/api/audit-events')).status).toBe(403);
    }
  });
});

describe.each(DATABASE_KINDS)('the audit CSV export on %s', (kind) => {
  let stack: Stack;
  const ROWS = 12 * EXPORT_BATCH_ROWS + 345;
  beforeAll(async () => {
    stack = await startStack({ scenario: 'empty', database: kind });
    await stack.db.execute(
      sql`insert into audit_events (at, action, outcome, reason) select now(), 'bulk.test', 'ok', 'row ' || g from generate_series(1, ${ROWS}) g`,
    );
    const log = new AuditLog(stack.db, Date.now, stack.deps.logger);
    for (const reason of ['=HYPERLINK("http://evil.example","click")', '+1', '-2', '@SUM(A1)', '\tindent', '\rreturn']) {
      await log.append({ action: 'formula.test', outcome: 'refused', reason, target: { companyName: reason } }, { email: '=cmd@x.test' }, {});
    }
  });
  afterAll(() => stack.close());

  it(`streams every matching entry, with no row cap (${ROWS} rows), and audits the export`, async () => {
    const finance = await stack.as('finance');
    const before = await lastAuditId(stack.db);
    const response = await finance.request(`/api/audit-events/export${filterQuery({ action: 'bulk.test' })}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="audit-events-[\w-]+\.csv"$/);
    const lines = (await response.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,at,actorId,actorEmail,actorRole,action,outcome,reason,attemptId,companyId,companyName,connectionId,sourceAccountId,details,requestId,codatCorrelationId,ip,userAgent');
    expect(lines).toHaveLength(ROWS + 1);
    const ids = lines.slice(1).map((line) => Number(line.split(',')[0]));
    expect(ids.every((id, i) => i === 0 || id === ids[i - 1]! + 1)).toBe(true);
    expect(lines.at(-1)).toContain(`row ${ROWS}`);
    expect((await auditRows(stack.db, before))[0]).toMatchObject({
      action: 'audit.export',
      outcome: 'ok',
      actorEmail: STACK_ACCOUNTS.finance.email,
      details: { filter: '{"action":"bulk.test"}' },
    });
  });

  it('neutralises cells a spreadsheet would run as a formula', async () => {
    const csv = await (await stack.request(`/api/audit-events/export${filterQuery({ action: 'formula.test' })}`)).text();
    const rows = csv.trimEnd().split('\r\n').slice(1);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toContain(`'=cmd@x.test`);
    expect(rows[0]).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(rows.slice(1).map((row) => row.split(',')[7])).toEqual([`'+1`, `'-2`, `'@SUM(A1)`, `'\tindent`, `"'\rreturn"`]);
    expect(csv).not.toMatch(/,[=+\-@]/);
  });
});

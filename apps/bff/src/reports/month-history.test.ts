import { DEMO_FIXTURES as F } from '@console/codat-emulator';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorControl, syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../test/mirror.js';
import { DATABASE_KINDS } from '../../test/databases.js';
import { startStack, type Stack } from '../../test/stack.js';
import { isSandboxPlatform } from '../codat/sandbox-platforms.js';
import { rows } from '../mirror/db/sql.js';
import { BILLABLE_RULE_KEYS, type BillableRule } from './billable-rule.js';
import { monthOf } from './month.js';

/** What the emulator held when a sync completed. */
interface Observation {
  day: string;
  companies: Set<string>;
  connections: Map<string, { status: string; companyId: string; sandbox: boolean }>;
}

/**
 * The month's figures computed straight from what the emulator held at each sync, by the rules as
 * finance states them: a day counts as its last sync; months compare on their last days.
 */
function groundTruth(observations: Observation[], month: string, rule: BillableRule) {
  const lastOfDay = new Map<string, Observation>();
  for (const observation of observations) lastOfDay.set(observation.day, observation);
  const daysOf = (m: string) => [...lastOfDay.values()].filter((o) => monthOf(o.day) === m);
  const days = daysOf(month);
  const last = days.at(-1)!;
  const [year, number] = month.split('-').map(Number) as [number, number];
  const previous = daysOf(new Date(Date.UTC(year, number - 2, 1)).toISOString().slice(0, 7)).at(-1);
  const seen = new Map<string, { seen: number; linked: number; sandbox: boolean }>();
  for (const day of days) {
    for (const [id, c] of day.connections) {
      const entry = seen.get(id) ?? { seen: 0, linked: 0, sandbox: c.sandbox };
      entry.seen += 1;
      if (c.status === 'Linked') entry.linked += 1;
      seen.set(id, entry);
    }
  }
  const billable = [...seen].filter(([id, c]) => {
    if (c.sandbox) return false;
    if (rule === 'linked-any-time') return c.linked > 0;
    if (rule === 'linked-at-month-end') return last.connections.get(id)?.status === 'Linked';
    return c.linked > 0 && c.linked === c.seen;
  });
  const live = [...seen].filter(([, c]) => !c.sandbox).map(([id]) => id);
  const linkedBefore = [...(previous?.connections ?? [])].filter(([, c]) => c.status === 'Linked' && !c.sandbox).map(([id]) => id);
  const relinked = new Set<string>();
  observations.forEach((o, i) => {
    if (i === 0 || monthOf(o.day) !== month) return;
    for (const [id, c] of o.connections) {
      const before = observations[i - 1]!.connections.get(id)?.status;
      if (!c.sandbox && c.status === 'Linked' && (before === 'Deauthorized' || before === 'Unlinked')) relinked.add(id);
    }
  });
  const companies = new Set(days.flatMap((d) => [...d.companies]));
  const withConnections = new Set(days.flatMap((d) => [...d.connections.values()].map((c) => c.companyId)));
  return {
    days: days.length,
    billableIds: billable.map(([id]) => id),
    billableConnections: billable.length,
    connectionsSeen: live.length,
    connectionsAtMonthEnd: live.filter((id) => last.connections.has(id)).length,
    companiesInMonth: companies.size,
    companiesInMonthWithoutConnections: [...companies].filter((id) => !withConnections.has(id)).length,
    new: live.filter((id) => !previous?.connections.has(id)),
    lost: linkedBefore.filter((id) => last.connections.get(id)?.status !== 'Linked'),
    relinked: [...relinked],
  };
}

describe.each(DATABASE_KINDS)('finance months over a moving clock on %s', (database) => {
  let stack: Stack;
  const observations: Observation[] = [];
  const months: string[] = [];

  /** Moves the emulator's (and so the console's) clock to a UTC time. */
  const moveTo = (iso: string) => stack.emu.clock.advance(Date.parse(iso) - stack.emu.clock.now());
  async function sync() {
    await syncOnce(syncContext(stack));
    const now = new Date(stack.deps.now()).toISOString();
    observations.push({
      day: now.slice(0, 10),
      companies: new Set(stack.emu.store.companies.keys()),
      connections: new Map(
        [...stack.emu.store.connections.values()].map((c) => [c.id, { status: c.status, companyId: c.companyId, sandbox: isSandboxPlatform(c.integrationKey) }]),
      ),
    });
  }
  const report = async (month: string, rule?: BillableRule) =>
    (await stack.json(`/api/reports/connection-counts?month=${month}${rule ? `&rule=${rule}` : ''}`)).body;
  const changeIds = async (month: string, kind: string) =>
    ((await stack.json(`/api/reports/connection-counts/changes?month=${month}&filter=${encodeURIComponent(JSON.stringify({ kind }))}&range=${encodeURIComponent('[0,999]')}`))
      .body as { id: string }[]).map((c) => c.id).sort();

  let firstMonthBefore: unknown;
  beforeAll(async () => {
    const year = 365 * 86_400_000;
    stack = await startStack({ database, settings: { mirror: TEST_MIRROR_SETTINGS }, auth: { sessionIdleMs: year, sessionAbsoluteMs: year } });
    const start = new Date(stack.emu.clock.now());
    const monthStart = (offset: number) => new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + offset, 1));
    for (let i = 1; i <= 3; i += 1) months.push(monthStart(i).toISOString().slice(0, 7));
    const at = (month: string, day: number, hour: number) => `${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
    // Month 1: two days; the second day has two syncs with a deauthorisation between them.
    moveTo(at(months[0]!, 10, 9));
    await sync();
    moveTo(at(months[0]!, 20, 9));
    await sync();
    await emulatorControl(stack, `/connections/${F.duplicateCustomer.connectionId}/deauthorize`);
    moveTo(at(months[0]!, 20, 15));
    await sync();
    firstMonthBefore = await report(months[0]!);
    // Month 2: a new Linked connection, a company deleted after the month's first sync, the
    // deauthorised connection relinked, and a second sync on the last day.
    moveTo(at(months[1]!, 2, 9));
    const fresh = await stack.deps.codat.connections.create(F.noConnections.companyId, { platformKey: 'gbol' });
    await emulatorControl(stack, `/connections/${fresh.id}/authorize`);
    await sync();
    await stack.deps.codat.companies.delete(F.activeError.companyId);
    moveTo(at(months[1]!, 3, 9));
    await emulatorControl(stack, `/connections/${F.duplicateCustomer.connectionId}/authorize`);
    await sync();
    await emulatorControl(stack, `/connections/${F.userCancelled.connectionId}/authorize`);
    moveTo(at(months[1]!, 3, 18));
    await sync();
    // Month 3: one day.
    moveTo(at(months[2]!, 1, 6));
    await sync();
  }, 240_000);
  afterAll(async () => {
    await stack?.close();
  });

  it('computes every month under every rule as the ground truth does', async () => {
    for (const month of months) {
      for (const rule of BILLABLE_RULE_KEYS) {
        const truth = groundTruth(observations, month, rule);
        const body = await report(month, rule);
        // The month before the first is reconstructed (backfill.test.ts checks it): compare changes from the second month on.
        const changes = month === months[0] ? {} : { new: body.changes.new, lost: body.changes.lost, relinked: body.changes.relinked };
        const expected = month === months[0] ? {} : { new: truth.new.length, lost: truth.lost.length, relinked: truth.relinked.length };
        expect({ month, rule, days: body.snapshots.days, ...body.totals, ...changes }).toMatchObject({
          ...expected,
          month,
          rule,
          days: truth.days,
          billableConnections: truth.billableConnections,
          connectionsSeen: truth.connectionsSeen,
          connectionsAtMonthEnd: truth.connectionsAtMonthEnd,
          companiesInMonth: truth.companiesInMonth,
          companiesInMonthWithoutConnections: truth.companiesInMonthWithoutConnections,
        });
        expect(body.billableRule.key).toBe(rule);
      }
      if (month === months[0]) continue;
      const truth = groundTruth(observations, month, 'linked-any-time');
      expect({ month, new: await changeIds(month, 'new'), lost: await changeIds(month, 'lost'), relinked: await changeIds(month, 'relinked') }).toEqual({
        month,
        new: truth.new.sort(),
        lost: truth.lost.sort(),
        relinked: truth.relinked.sort(),
      });
    }
  });

  it('says the numbers come from the latest sync of the day, and that a month in progress has no end yet', async () => {
    const body = await report(months[1]!);
    expect(body.snapshots).toMatchObject({ days: 2, lastDay: `${months[1]}-03` });
    // The second sync of the 3rd (the connection authorised between them counts as Linked).
    expect(Date.parse(body.refreshedAt)).toBeGreaterThanOrEqual(Date.parse(`${months[1]}-03T18:00:00Z`));
    expect(body.refreshedAt).toBe(body.snapshots.takenAt);
    expect(body.inProgress).toBe(false);
    expect((await report(months[2]!)).inProgress).toBe(true);
  });

  it('never changes a past month once later days are taken', async () => {
    const { mirrorSyncedAt: _later, ...now } = await report(months[0]!);
    const { mirrorSyncedAt: _then, inProgress: _, ...then } = firstMonthBefore as Record<string, unknown>;
    expect({ ...now, inProgress: undefined }).toEqual({ ...then, inProgress: undefined });
  });

  it('lists every company of the month, the deleted one marked and those without connections included', async () => {
    const month = months[1]!;
    const body = await report(month);
    const list = await stack.json(`/api/reports/connection-counts/companies?month=${month}&range=${encodeURIComponent('[0,999]')}`);
    const companies = list.body as { id: string; companyDeleted: boolean; withoutConnections: boolean; billableConnections: number; platformNames: string[] }[];
    expect(companies).toHaveLength(body.totals.companiesInMonth);
    // Each company's platforms by name, as its connections of the month had them (kept with the company's month).
    const named = await rows<{ id: string; names: string[] }>(
      stack.db,
      sql`select company_id as id, array_agg(distinct platform_name order by platform_name) as names from mirror_connection_months where month = ${month} group by company_id`,
    );
    expect(Object.fromEntries(companies.filter((c) => !c.withoutConnections).map((c) => [c.id, c.platformNames]))).toEqual(Object.fromEntries(named.map((c) => [c.id, c.names])));
    expect(companies.filter((c) => c.withoutConnections).every((c) => c.platformNames.length === 0)).toBe(true);
    expect(companies.filter((c) => c.withoutConnections)).toHaveLength(body.totals.companiesInMonthWithoutConnections);
    expect(companies.find((c) => c.id === F.activeError.companyId)).toMatchObject({ companyDeleted: true });
    expect(companies.reduce((sum, c) => sum + c.billableConnections, 0)).toBe(body.totals.billableConnections);
    const afterDeletion = (await stack.json(`/api/reports/connection-counts/companies?month=${months[2]}&range=${encodeURIComponent('[0,999]')}`)).body as { id: string }[];
    expect(afterDeletion.map((c) => c.id)).not.toContain(F.activeError.companyId);
  });

  it('exports exactly the rows the screen counts, naming the rule and snapshot first', async () => {
    const month = months[1]!;
    const body = await report(month, 'linked-all-month');
    const response = await stack.request(`/api/reports/connection-counts/companies/export?month=${month}&rule=linked-all-month`);
    const lines = (await response.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    const isComment = (line: string) => /^"?# /.test(line);
    const comments = lines.filter(isComment);
    expect(comments.join('\n')).toContain('Billable rule: linked-all-month');
    expect(comments.join('\n')).toContain(`latest taken ${body.snapshots.takenAt}`);
    const [header, ...data] = lines.slice(comments.length);
    expect(header).toContain('withoutConnections');
    expect(data).toHaveLength(body.totals.companiesInMonth);
    const lost = await stack.request(`/api/reports/connection-counts/changes/export?month=${month}&filter=${encodeURIComponent('{"kind":"lost"}')}`);
    const lostLines = (await lost.text()).replace(/^\uFEFF/, '').trim().split('\r\n').filter((line) => !isComment(line));
    expect(lostLines.length - 1).toBe(body.changes.lost);
  });

  it('trends 13 months from the same figures as each month', async () => {
    const { body } = await stack.json(`/api/reports/connection-counts/trend?month=${months[2]}&rule=linked-at-month-end`);
    expect(body.months).toHaveLength(13);
    expect(body.months.at(-1).month).toBe(months[2]);
    // Before the first real snapshot: reconstructed months.
    expect(body.months.slice(0, 10).map((m: { snapshot: { reconstructed: boolean } }) => m.snapshot.reconstructed)).toEqual(Array(10).fill(true));
    expect(body.months.slice(10).map((m: { snapshot: { reconstructed: boolean } }) => m.snapshot.reconstructed)).toEqual([false, false, false]);
    for (const entry of body.months.slice(10)) {
      const month = await report(entry.month, 'linked-at-month-end');
      expect(entry).toMatchObject({ billableConnections: month.totals.billableConnections, lost: month.changes.lost, new: month.changes.new });
      const linked = month.rows.filter((r: { status: string }) => r.status === 'Linked').reduce((sum: number, r: { connections: number }) => sum + r.connections, 0);
      expect(entry.byStatus.Linked).toBe(linked);
    }
  });

  it('reconciles against an invoice, closes the month once, and flags later changes without altering it', async () => {
    const month = months[1]!;
    const truth = groundTruth(observations, month, 'linked-any-time');
    const finance = await stack.as('finance');
    const count = await finance.json(`/api/reports/months/${month}/invoice`, { method: 'PUT', body: { kind: 'count', invoicedCount: truth.billableConnections - 2 } });
    expect(count.body).toMatchObject({ difference: 2, consoleNotInvoiced: null });

    const notBillable = [...observations.at(-1)!.connections].find(([id, c]) => c.status === 'PendingAuth' && !truth.billableIds.includes(id))![0];
    const unknown = '00000000-0000-4000-8000-000000000000';
    const [missing, ...billed] = truth.billableIds;
    expect((await finance.json(`/api/reports/months/${month}/invoice`, { method: 'PUT', body: { kind: 'connections' } })).status).toBe(200);
    expect((await finance.json(`/api/reports/months/${month}/invoice/ids`, { method: 'POST', body: { ids: [...billed, notBillable] } })).status).toBe(200);
    const { body: before } = await finance.json(`/api/reports/months/${month}`);
    expect(before.reconciliation).toMatchObject({ difference: 0, invoicedNotConsole: { total: 1 } });
    // Ids added later: the kept explanation of the smaller invoice is not the answer any more.
    expect((await finance.json(`/api/reports/months/${month}/invoice/ids`, { method: 'POST', body: { ids: [unknown.toUpperCase()] } })).status).toBe(200);
    expect((await finance.json(`/api/reports/months/${month}/invoice/ids`, { method: 'POST', body: { ids: ['=cmd()'] } })).status).toBe(400);
    const { body: reconciled } = await finance.json(`/api/reports/months/${month}`);
    expect(reconciled.reconciliation).toMatchObject({ difference: -1, consoleNotInvoiced: { total: 1, sample: [{ id: missing }] }, invoicedNotConsole: { total: 2 } });
    expect(Object.fromEntries(reconciled.reconciliation.invoicedNotConsole.sample.map((r: { id: string; reason: string }) => [r.id, r.reason]))).toEqual({
      [unknown]: 'Unknown to the console (not in the mirror)',
      [notBillable]: expect.stringMatching(/^Not billable under the rule: PendingAuth/),
    });
    expect((await finance.json(`/api/reports/months/${month}`)).body).toEqual(reconciled);
    const kept = await rows<{ total: number }>(stack.db, sql`select (body -> 'invoicedNotConsole' ->> 'total')::int as total from finance_reconciliations where month = ${month}`);
    expect(kept).toEqual([{ total: 2 }]);

    expect((await (await stack.as('support')).json(`/api/reports/months/${month}/close`, { method: 'POST' })).status).toBe(403);
    expect((await finance.json(`/api/reports/months/${months[2]}/close`, { method: 'POST' })).status).toBe(400);
    const [first, second] = await Promise.all([
      finance.json(`/api/reports/months/${month}/close`, { method: 'POST' }),
      stack.json(`/api/reports/months/${month}/close`, { method: 'POST' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const closed = (first.status === 201 ? first : second).body;
    expect(closed).toMatchObject({ month, rule: 'linked-any-time', changedSinceClose: false, reconciliation: { difference: -1 } });
    expect((await finance.json(`/api/reports/months/${month}/invoice`, { method: 'PUT', body: { kind: 'count', invoicedCount: 1 } })).status).toBe(409);
    const audited = await rows<{ action: string }>(stack.db, sql`select action from audit_events where action in ('month.close', 'invoice.enter') and outcome = 'ok'`);
    expect(audited.filter((a) => a.action === 'month.close')).toHaveLength(1);

    const pack = await (await finance.request(`/api/reports/months/${month}/pack`)).text();
    const sections = pack.split('\r\n').map((line) => line.split(',')[0]!);
    expect(sections.filter((s_) => s_ === 'billable-connection')).toHaveLength(truth.billableConnections);
    expect(sections.filter((s_) => s_ === 'company')).toHaveLength(closed.report.totals.companiesInMonth);
    expect(sections.filter((s_) => s_ === 'consoleNotInvoiced')).toHaveLength(1);
    expect(sections.filter((s_) => s_ === 'invoicedNotConsole')).toHaveLength(2);
    expect(sections.indexOf('consoleNotInvoiced')).toBeLessThan(sections.indexOf('invoicedNotConsole'));

    // The underlying data changes after the close: the close stands and says so.
    await stack.db.execute(sql`delete from mirror_connection_months where month = ${month} and connection_id = ${missing}`);
    const { body: after } = await finance.json(`/api/reports/months/${month}`);
    expect(after.close).toMatchObject({ changedSinceClose: true, report: { totals: { billableConnections: truth.billableConnections } } });
  });

  it('refuses an unknown rule', async () => {
    expect((await stack.json(`/api/reports/connection-counts?month=${months[0]}&rule=everything`)).status).toBe(400);
  });
});

import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../audit/index.js';
import { currentStaff } from '../auth/context.js';
import type { BffDeps } from '../deps.js';
import { financeInvoiceIds, financeInvoices } from '../db/schema/finance.js';
import type { Db } from '../db/database.js';
import { ApiError, badRequest, conflict } from '../http/api-error.js';
import { readJsonBody } from '../http/request-input.js';
import { mirrorRefreshedAt } from '../mirror/freshness.js';
import { mirrorRuntime } from '../mirror/runtime.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import { auditedCsv } from './audited-export.js';
import { describeRule } from './billable-rule.js';
import { snapshotSpan, takenBetween } from './connection-counts.js';
import { describeClose, findClose, insertClose, monthCloseSchema } from './month-close.js';
import { monthPack, PACK_COLUMNS } from './month-pack.js';
import { currentMonth, monthSchema, previousMonth } from './month.js';
import { billableFingerprint, invoiceIdsSchema, invoiceInputSchema, reconcile, reconciliationSchema, type ReconcileMonth } from './reconcile.js';
import { reportQuery, reportQuerySchema } from './report-query.js';
import { storedConnectionCountsReport } from './stored-report.js';

/** Finance's month: the invoice to reconcile against, the close, and a closed month's pack. */
export function monthRoutes(deps: BffDeps, docs: OpenApiRegistry): Hono {
  const app = new Hono();
  const { db } = deps;

  /** The month (from the path), the rule, and its last snapshot: no snapshot, nothing to reconcile or close. */
  async function monthOf(c: Context): Promise<ReconcileMonth & { inProgress: boolean; takenAt: string | null; span: Awaited<ReturnType<typeof snapshotSpan>> }> {
    const month = monthSchema.safeParse(c.req.param('month'));
    if (!month.success) throw badRequest('Invalid month: a month is YYYY-MM.');
    const q = reportQuery(c, deps.now(), mirrorRuntime(deps).settings.billableRule);
    const span = await snapshotSpan(db, month.data);
    if (!span.lastDay) throw new ApiError(404, 'not_found', `The mirror took no snapshots in ${month.data}.`);
    const takenAt = span.takenMs === null ? null : new Date(span.takenMs).toISOString();
    return { month: month.data, rule: q.rule, lastDay: span.lastDay, inProgress: month.data >= currentMonth(deps.now()), takenAt, span };
  }

  async function refuseWhenClosed(month: string) {
    const closed = await findClose(db, month);
    if (closed) throw conflict(`${month} was closed by ${closed.closedByEmail} at ${closed.closedAt.toISOString()}; its invoice and figures are frozen.`);
  }

  app.get('/:month', async (c) => {
    const input = await monthOf(c);
    const closed = await findClose(db, input.month);
    if (closed) {
      const fingerprint = await billableFingerprint(db, { ...input, rule: closed.rule });
      return c.json({ month: input.month, close: describeClose(closed, fingerprint, input.takenAt), reconciliation: closed.reconciliation });
    }
    return c.json({ month: input.month, close: null, reconciliation: await reconcile(db, input) });
  });

  app.put('/:month/invoice', async (c) => {
    const body = await readJsonBody(c, invoiceInputSchema);
    const input = await monthOf(c);
    await refuseWhenClosed(input.month);
    const staff = currentStaff(c);
    await db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      const row = { month: input.month, kind: body.kind, invoicedCount: body.invoicedCount ?? null, enteredById: staff.id, enteredByEmail: staff.email, enteredAt: new Date(deps.now()) };
      await tx.delete(financeInvoiceIds).where(eq(financeInvoiceIds.month, input.month));
      await tx.insert(financeInvoices).values(row).onConflictDoUpdate({ target: financeInvoices.month, set: row });
      await audit(c).record({ action: 'invoice.enter', outcome: 'ok', details: { month: input.month, ...body } }, { db: tx });
    });
    return c.json(await reconcile(db, input));
  });

  app.post('/:month/invoice/ids', async (c) => {
    const { ids } = await readJsonBody(c, invoiceIdsSchema);
    const input = await monthOf(c);
    await refuseWhenClosed(input.month);
    const invoice = (await db.select().from(financeInvoices).where(eq(financeInvoices.month, input.month)))[0];
    if (!invoice || invoice.kind === 'count') throw badRequest('Enter an invoice of kind connections or companies for this month first (PUT …/invoice).');
    await db.insert(financeInvoiceIds).values([...new Set(ids)].map((id) => ({ month: input.month, id }))).onConflictDoNothing();
    return c.json({ month: input.month, received: ids.length });
  });

  app.post('/:month/close', async (c) => {
    const input = await monthOf(c);
    if (input.inProgress) throw badRequest(`${input.month} has not ended yet: a month closes once it is over.`);
    const staff = currentStaff(c);
    const [report, reconciliation, fingerprint] = await Promise.all([storedConnectionCountsReport(db, input.month, input.rule), reconcile(db, input), billableFingerprint(db, input)]);
    const row = {
      month: input.month,
      rule: input.rule,
      snapshotTakenAt: new Date(input.takenAt!),
      closedById: staff.id,
      closedByEmail: staff.email,
      closedAt: new Date(deps.now()),
      report: report as unknown as Record<string, unknown>,
      reconciliation: reconciliation.invoice ? (reconciliation as unknown as Record<string, unknown>) : null,
      billableFingerprint: fingerprint,
    };
    const details = { month: input.month, billableRule: input.rule, snapshotTakenAt: input.takenAt, billable: report.totals?.billableConnections, difference: reconciliation.difference };
    const won = await insertClose(db, row, (tx) => audit(c).record({ action: 'month.close', outcome: 'ok', details }, { db: tx }));
    if (!won) await refuseWhenClosed(input.month);
    return c.json(describeClose(row, fingerprint, input.takenAt), 201);
  });

  app.get('/:month/pack', async (c) => {
    const input = await monthOf(c);
    const closed = await findClose(db, input.month);
    if (!closed) throw conflict(`${input.month} is not closed: close it first, or export its reports.`);
    const reconcileInput = { ...input, rule: closed.rule };
    const close = describeClose(closed, await billableFingerprint(db, reconcileInput), input.takenAt);
    const { lastDay: previousLastDay } = await snapshotSpan(db, previousMonth(input.month));
    const { key, description } = describeRule(closed.rule);
    return auditedCsv(c, deps, {
      action: 'month-pack.export',
      filename: `month-pack-${input.month}`,
      columns: PACK_COLUMNS,
      batches: monthPack(db, { close, span: takenBetween(input.span), days: { month: input.month, lastDay: input.lastDay, previousLastDay }, reconcile: reconcileInput }),
      details: { month: input.month, billableRule: closed.rule },
      refreshedAt: await mirrorRefreshedAt(db),
      preamble: [
        `${input.month} closed by ${close.closedByEmail} at ${close.closedAt}`,
        `Snapshot: latest taken ${close.snapshotTakenAt}`,
        `Billable rule: ${key}: ${description}`,
        close.changedSinceClose
          ? 'Warning: the underlying data changed after the close; summary and counts are as closed, the listed rows are as the data is now'
          : 'The underlying data is unchanged since the close',
        'Sections: summary, counts, counts-sandbox, reconciliation, company, billable-connection, change-new / -lost / -relinked, consoleNotInvoiced, invoicedNotConsole',
      ],
    });
  });

  const ruleQuery = reportQuerySchema.pick({ rule: true });
  docs.add(
    { method: 'get', path: '/reports/months/{month}', tag: 'reports', summary: "The month's reconciliation against the invoice, or its close (frozen) when closed.", query: ruleQuery, response: z.object({ month: z.string(), close: monthCloseSchema.nullable(), reconciliation: reconciliationSchema.nullable() }) },
    { method: 'put', path: '/reports/months/{month}/invoice', tag: 'reports', summary: 'Enter what Codat invoiced (replaces an earlier entry and its ids). Audited.', body: invoiceInputSchema, response: reconciliationSchema },
    { method: 'post', path: '/reports/months/{month}/invoice/ids', tag: 'reports', summary: 'Append billed company or connection ids to the invoice (at most 5,000 a request).', body: invoiceIdsSchema },
    { method: 'post', path: '/reports/months/{month}/close', tag: 'reports', summary: 'Close an ended month: report, rule and reconciliation frozen with who and when. 409 when already closed. Audited.', query: ruleQuery, response: monthCloseSchema, status: 201 },
    { method: 'get', path: '/reports/months/{month}/pack', tag: 'reports', summary: 'A closed month as one streamed CSV pack (sections in the first column). Audited.' },
  );
  return app;
}

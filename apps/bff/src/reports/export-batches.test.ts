import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../test/mirror.js';
import { startStack, type Stack } from '../../test/stack.js';
import { keysetBatches } from '../http/csv.js';
import { companyCountsBatch, companyCountsPage } from './company-counts.js';
import { snapshotSpan, takenBetween } from './connection-counts.js';
import { changesBatch, changesPage, type ChangeCursor, type ChangeDays, type ChangeFilter } from './month-changes.js';
import { currentMonth, previousMonth } from './month.js';
import type { CompanyCountFilter } from './schemas.js';

/**
 * The exports read a month in keyset batches, each cut by key from the month's tables; whatever
 * the batch size, together they hold exactly the rows the screen's pages (a different query) count.
 */
let stack: Stack;
let month: string;
beforeAll(async () => {
  stack = await startStack({ settings: { mirror: TEST_MIRROR_SETTINGS } });
  // Companies without connections between ones with connections, in key order.
  for (let i = 0; i < 3; i += 1) await stack.deps.codat.companies.create({ name: `No Connections ${i}` });
  await syncOnce(syncContext(stack));
  month = currentMonth(stack.deps.now());
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

async function collect<Row, Cursor>(fetch: (after: Cursor | undefined, size: number) => Promise<Row[]>, cursorOf: (row: Row) => Cursor, size: number) {
  const all: Row[] = [];
  for await (const batch of keysetBatches(fetch, cursorOf, size)) all.push(...batch);
  return all;
}

describe('export batches', () => {
  it.each<CompanyCountFilter>([{}, { withoutConnections: true }, { withoutConnections: false }, { billable: true }])('per-company rows with filter %j', async (filter) => {
    const span = takenBetween(await snapshotSpan(stack.db, month));
    const input = { month, span, rule: 'linked-any-time' as const, filter };
    const { records, total } = await companyCountsPage(stack.db, { ...input, start: 0, end: 9999, sort: { field: 'id', order: 'ASC' } });
    expect(total).toBeGreaterThan(0);
    if (filter.withoutConnections !== false && filter.billable === undefined) expect(records.some((r) => r.withoutConnections)).toBe(true);
    for (const size of [1, 2, 3, 7]) {
      const batched = await collect((after: string | undefined, n) => companyCountsBatch(stack.db, input, after, n), (row) => row.id, size);
      expect(batched).toEqual(records);
    }
  });

  it.each<ChangeFilter>([{}, { kind: 'new' }, { kind: 'lost' }, { platform: 'gbol' }])('changes with filter %j', async (filter) => {
    const [{ lastDay }, { lastDay: previousLastDay }] = await Promise.all([snapshotSpan(stack.db, month), snapshotSpan(stack.db, previousMonth(month))]);
    const days: ChangeDays = { month, lastDay: lastDay!, previousLastDay };
    const { records, total } = await changesPage(stack.db, days, filter, 0, 9999);
    expect(records).toHaveLength(total);
    for (const size of [1, 2, 5]) {
      const batched = await collect((after: ChangeCursor | undefined, n) => changesBatch(stack.db, days, filter, after, n), ({ id, kind }) => ({ id, kind }), size);
      expect(batched).toEqual(records);
    }
  });
});

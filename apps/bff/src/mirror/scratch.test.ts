import { createCodatClient } from '@console/codat-client';
import { seedScenario, startEmulator, WELL_KNOWN_API_KEY, DEMO_FIXTURES as F, summarizeStore } from '@console/codat-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrationCatalog } from '../codat/integration-catalog.js';
import { createLogger } from '../observability/logger.js';
import { createMirrorStore } from './db/store.js';
import { rows } from './db/sql.js';
import { sql } from 'drizzle-orm';
import { MIRROR_DEFAULTS } from './settings.js';
import { beginSync, continueSync, type SyncContext } from './sync.js';
import { scratchDb } from './scratch-db.js';

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let database: Awaited<ReturnType<typeof scratchDb>>;
let ctx: SyncContext;
beforeAll(async () => {
  emulator = await startEmulator({ setup: (emu) => seedScenario(emu, { scenario: 'demo', companies: 40, seed: 1 }) });
  database = await scratchDb();
  const codat = createCodatClient({ baseUrl: emulator.url, apiKey: WELL_KNOWN_API_KEY, retry: { initialDelayMs: 10, maxDelayMs: 100, maxTotalMs: 3000 } });
  const now = () => emulator.emu.clock.now();
  ctx = {
    codat, store: createMirrorStore(database.db), logger: createLogger('warn'), settings: { ...MIRROR_DEFAULTS, pageSize: 10 }, merchantIdTag: 'merchantId',
    holder: 'a', now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)), platformKeys: (c) => integrationCatalog(codat, now).keyResolver(c),
  };
});
afterAll(async () => { await emulator.close(); await database.close(); });

const control = (path: string) => fetch(`${emulator.url}/_emulator${path}`, { method: 'POST', headers: { Authorization: `Basic ${Buffer.from(WELL_KNOWN_API_KEY).toString('base64')}` } });

describe('scratch', () => {
  it('syncs', async () => {
    const run = (await beginSync(ctx, 'manual'))!;
    const done = await continueSync(ctx, run);
    expect(done.status).toBe('completed');
    const summary = summarizeStore(emulator.emu.store);
    const [counts] = await rows<any>(database.db, sql`select (select count(*)::int from mirror_companies where deleted_at is null) as companies, (select count(*)::int from mirror_connections where deleted_at is null) as connections`);
    expect(counts).toEqual({ companies: summary.companies, connections: summary.connections });
    console.log(done);
    expect((await control(`/connections/${F.duplicateCustomer.connectionId}/deauthorize`)).status).toBe(200);
    await ctx.codat.companies.delete(F.noConnections.companyId);
    const run2 = await continueSync(ctx, (await beginSync(ctx, 'manual'))!);
    console.log(run2);
    console.log(await rows(database.db, sql`select kind, company_id, from_status, to_status, detail from mirror_changes where seen_at > ${new Date(run.startedAt).toISOString()}::timestamptz and not (detail ? 'existedBeforeMirror')`));
    const { connectionCountsReport } = await import('../reports/connection-counts.js');
    const { companyCountsPage } = await import('../reports/company-counts.js');
    const { duplicatesPage } = await import('../reports/duplicates.js');
    const { errorGroupPage, errorGroupDetail } = await import('../resources/connection-error-groups/records.js');
    const { timelinePage } = await import('./timeline/queries.js');
    const { searchMirror } = await import('./search.js');
    const month = new Date(ctx.now()).toISOString().slice(0, 7);
    const report = await connectionCountsReport(database.db, month, 'linked-any-time', null);
    console.log(JSON.stringify(report, null, 1).slice(0, 3000));
    console.log(JSON.stringify(await companyCountsPage(database.db, { month, rule: 'linked-any-time', lastDay: report.snapshots!.lastDay, filter: {}, start: 0, end: 2 })));
    console.log(JSON.stringify(await duplicatesPage(database.db, undefined, 0, 3)));
    const groups = await errorGroupPage(database.db, ctx.now(), { filter: {}, start: 0, end: 2 });
    console.log(JSON.stringify(groups).slice(0, 2000));
    console.log(JSON.stringify(await errorGroupDetail(database.db, ctx.now(), groups.records[0]!.id)).slice(0, 1500));
    console.log(JSON.stringify(await timelinePage(database.db, F.duplicateCustomer.companyIds[0], {}, 0, 10)));
    console.log(JSON.stringify(await searchMirror({ db: database.db, settings: { merchantIdTag: 'merchantId' } as never }, { q: 'harbour', start: 0, end: 5 })));
    console.log(JSON.stringify(await searchMirror({ db: database.db, settings: { merchantIdTag: 'merchantId' } as never }, { status: 'NoConnections', sort: { field: 'created', order: 'DESC' }, start: 0, end: 2 })));
  });
});

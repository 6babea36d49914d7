import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { LeaseLostError, type MirrorStore } from '../store.js';
import { claimLease, releaseLease, runQueries } from './runs.js';
import { backfillMonths } from './backfill.js';
import { prune, takeDailySnapshot } from './snapshot.js';
import { array, rows } from './sql.js';
import { loadState } from './state.js';
import { applyWrite, forgetDigests, recordDigests } from './write.js';
import { BULK_LOADED_TABLES, dailyUpkeep, deferIndexes, ensureSearchIndex, restoreIndexes, vacuum } from './maintenance.js';
import type { BillableRule } from '../../reports/billable-rule.js';
import { refreshDuplicateGroups } from '../../reports/duplicates.js';
import { refreshStoredReport } from '../../reports/stored-report.js';

/** The mirror on the console's database (PGlite or PostgreSQL, through Drizzle). */
export function createMirrorStore(db: Db, billableRule: BillableRule): MirrorStore {
  return {
    acquireLease: (claim) => claimLease(db, claim),
    releaseLease: (holder) => releaseLease(db, holder),
    ...runQueries(db),
    loadState: (companyIds, connectionIds) => loadState(db, companyIds, connectionIds),

    syncDigests: async (companyIds) =>
      new Map(
        (await rows<{ id: string; digest: string | null }>(db, sql`select id, sync_digest as digest from mirror_companies where id = any(${array(companyIds, 'text')})`)).map(
          (row) => [row.id, row.digest],
        ),
      ),

    applyPage: ({ runId, lease }, { progress, seenCompanyIds, digests, write }) =>
      db.transaction(async (transaction) => {
        const tx = transaction as unknown as Db;
        // Fencing: a replica that lost the lease (stalled past its expiry) writes nothing ...
        if (!(await claimLease(tx, lease))) throw new LeaseLostError(lease.holder);
        await applyWrite(tx, write, 'sync', lease.now, digests);
        await recordDigests(tx, digests, write.companies);
        if (seenCompanyIds.length > 0) {
          await tx.execute(sql`insert into mirror_sync_seen (run_id, company_id)
            select ${runId}, id from unnest(${array(seenCompanyIds, 'text')}) as id on conflict do nothing`);
        }
        const owned = await rows(
          tx,
          sql`update mirror_sync_runs set last_page = ${progress.pageDone ? progress.page : sql`last_page`}, total_results = ${progress.totalResults},
            pages = pages + ${progress.pageDone ? 1 : 0}, companies = companies + ${progress.companies}, connections = connections + ${progress.connections},
            changes = changes + ${write.changes.length}
          where id = ${runId} and holder = ${lease.holder} and status = 'running' returning id`,
        );
        // ... and a run another replica has resumed meanwhile is not ours to extend.
        if (owned.length === 0) throw new LeaseLostError(lease.holder);
      }),

    applyWrite: (write, source, seenAt) =>
      db.transaction(async (transaction) => {
        const tx = transaction as unknown as Db;
        await applyWrite(tx, write, source, seenAt);
        await forgetDigests(tx, write);
      }),

    companiesNotSeen: async (runId, after, limit) =>
      (
        await rows<{ id: string }>(
          db,
          sql`select c.id from mirror_companies c
              where c.deleted_at is null and c.id > ${after ?? ''}
                and not exists (select 1 from mirror_sync_seen s where s.run_id = ${runId} and s.company_id = c.id)
              order by c.id limit ${limit}`,
        )
      ).map((row) => row.id),

    deferIndexes: () => deferIndexes(db),

    finishPass: async ({ day, runId, at, pruneBefore, firstLoad }) => {
      const indexesRebuilt = await restoreIndexes(db);
      // After a first load the planner knows nothing of the new rows yet: statistics first.
      if (firstLoad) await vacuum(db, BULK_LOADED_TABLES);
      const snapshot = await db.transaction((tx) => takeDailySnapshot(tx as unknown as Db, day, runId, at));
      const firstOfDay = snapshot === 'taken';
      const reconstructed = firstOfDay ? await backfillMonths(db, day, runId) : [];
      const pruned = firstOfDay ? await prune(db, pruneBefore) : undefined;
      if (firstOfDay) await dailyUpkeep(db, firstLoad);
      for (const month of [...reconstructed, day.slice(0, 7)]) await refreshStoredReport(db, month, billableRule);
      const duplicateGroups = await refreshDuplicateGroups(db);
      return { snapshot, reconstructedMonths: reconstructed.length, pruned, indexesRebuilt, duplicateGroups, searchIndexBuilt: await ensureSearchIndex(db) };
    },
  };
}

import { sql } from 'drizzle-orm';
import { takeLongestBackgroundHold } from '../../db/background-holds.js';
import type { Db } from '../../db/database.js';
import { writesNothing } from '../model.js';
import { LeaseLostError, type MirrorStore } from '../store.js';
import { claimLease, leaseClaim, releaseLease, runQueries } from './runs.js';
import { backfillMonths } from './backfill.js';
import { dropUnpublishedTables } from './month-partitions.js';
import { buildNewDay } from './new-day.js';
import { prune, takeDailySnapshot } from './snapshot.js';
import { array, rows } from './sql.js';
import { loadState } from './state.js';
import { applyWrite, forgetDigests, recordDigests } from './write.js';
import { analyzeLoadStart, BULK_LOADED_TABLES, dailyUpkeep, deferIndexes, ensureSearchIndex, flushSearchIndex, restoreIndexes, vacuum } from './maintenance.js';
import type { BillableRule } from '../../reports/billable-rule.js';
import { findDuplicateGroupsInPieces, refreshDuplicateGroups } from '../../reports/duplicates.js';
import { monthOf } from '../../reports/month.js';
import { keepSnapshotReport, pendingMonths } from '../../reports/stored-report.js';

/** The mirror on the console's database (PGlite or PostgreSQL, through Drizzle). */
export function createMirrorStore(db: Db, billableRule: BillableRule): MirrorStore {
  return {
    acquireLease: (claim) => claimLease(db, claim),
    releaseLease: (holder) => releaseLease(db, holder),
    ...runQueries(db),
    loadState: (companyIds, connectionIds) => loadState(db, companyIds, connectionIds),
    longestBackgroundHold: () => takeLongestBackgroundHold(db),

    syncDigests: async (companyIds) =>
      new Map(
        (await rows<{ id: string; digest: string | null }>(db, sql`select id, sync_digest as digest from mirror_companies where id = any(${array(companyIds, 'text')})`)).map(
          (row) => [row.id, row.digest],
        ),
      ),

    applyPage: async ({ runId, lease }, { progress, seenCompanyIds, digests, write }) => {
      // Only while this replica holds the lease (fencing: one that stalled past its expiry writes
      // nothing) and the run (another replica may have resumed it meanwhile).
      const advance = sql`update mirror_sync_runs set last_page = ${progress.pageDone ? progress.page : sql`last_page`}, total_results = ${progress.totalResults},
          pages = pages + ${progress.pageDone ? 1 : 0}, companies = companies + ${progress.companies}, connections = connections + ${progress.connections},
          changes = changes + ${write.changes.length}
        where id = ${runId} and holder = ${lease.holder} and status = 'running'`;
      const seen = sql`insert into mirror_sync_seen (run_id, company_id) select ${runId}, id from unnest(${array(seenCompanyIds, 'text')}) as id`;
      if (writesNothing(write) && digests.size === 0) {
        // Most slices of a steady-state sync: one statement instead of a transaction of four round
        // trips, which requests waiting for embedded PGlite's one session would wait behind.
        const [result] = await rows<{ owned: boolean }>(
          db,
          sql`with lease as (${leaseClaim(lease)}),
              run as (${advance} and exists (select 1 from lease) returning id),
              seen as (${seen} where exists (select 1 from run) on conflict do nothing)
            select exists (select 1 from run) as owned`,
        );
        if (!result!.owned) throw new LeaseLostError(lease.holder);
        return;
      }
      await db.transaction(async (transaction) => {
        const tx = transaction as unknown as Db;
        if (!(await claimLease(tx, lease))) throw new LeaseLostError(lease.holder);
        await applyWrite(tx, write, 'sync', lease.now, digests);
        await recordDigests(tx, digests, write.companies);
        if (seenCompanyIds.length > 0) await tx.execute(sql`${seen} on conflict do nothing`);
        if ((await rows(tx, sql`${advance} returning id`)).length === 0) throw new LeaseLostError(lease.holder);
      });
      if (write.companies.length > 0) await flushSearchIndex(db);
    },

    applyWrite: async (write, source, seenAt) => {
      await db.transaction(async (transaction) => {
        const tx = transaction as unknown as Db;
        await applyWrite(tx, write, source, seenAt);
        await forgetDigests(tx, write);
      });
      if (write.companies.length > 0) await flushSearchIndex(db);
    },

    companiesNotSeen: async (runId, after, scan) => {
      const scanned = await rows<{ id: string; seen: boolean }>(
        db,
        // A lateral probe per company: as a correlated exists, the planner hashed the run's whole
        // seen set (100,000 rows) for every window, 35 ms each even for 500 companies.
        sql`select c.id, s.seen is not null as seen
            from (select id from mirror_companies where deleted_at is null and id > ${after ?? ''} order by id limit ${scan}) c
            left join lateral (select true as seen from mirror_sync_seen s where s.run_id = ${runId} and s.company_id = c.id limit 1) s on true
            order by c.id`,
      );
      return { unseen: scanned.filter((row) => !row.seen).map((row) => row.id), last: scanned.at(-1)?.id };
    },

    deferIndexes: () => deferIndexes(db),
    analyzeLoadStart: () => analyzeLoadStart(db),

    finishPass: async ({ day, runId, at, pruneBefore, firstLoad, requestsFirst = async () => undefined }) => {
      const indexesRebuilt = await restoreIndexes(db);
      await requestsFirst();
      // After a first load the planner knows nothing of the new rows yet: statistics first.
      if (firstLoad) await vacuum(db, BULK_LOADED_TABLES);
      await requestsFirst();
      const month = monthOf(day);
      // Before the day's snapshot, so a first load's current month tells new connections from old
      // by the months the backfill fills (later, a whole month's rows would be updated for it).
      // Cheap when there is nothing to fill; the next pass resumes a backfill that stopped.
      const reconstructed = await backfillMonths(db, day, runId, requestsFirst);
      await requestsFirst();
      // A day's first snapshot is built in pieces first; the transaction publishes it. The possible
      // duplicates are kept in the snapshot's transaction: a snapshot that found nothing changed can
      // rely on them. The day's counts and the month's report are made from it after it, in pieces
      // (until then requests are answered the report as of the snapshot before).
      const newDay = await buildNewDay(db, day);
      // A first load's groups are found in pieces beforehand; the snapshot's refresh then finds
      // again only what changed since.
      const groupedAsOf = firstLoad ? await findDuplicateGroupsInPieces(db, at, requestsFirst) : undefined;
      await requestsFirst();
      const { outcome: snapshot, duplicateGroups } = await db.transaction(async (transaction) => {
        const tx = transaction as unknown as Db;
        const { outcome, reshaped, duplicatesAsOf } = await takeDailySnapshot(tx, day, runId, at, newDay);
        return { outcome, duplicateGroups: reshaped ? await refreshDuplicateGroups(tx, duplicatesAsOf ?? groupedAsOf) : undefined };
      });
      // A build another snapshot of the day overtook: never published.
      if (newDay && snapshot !== 'taken') await dropUnpublishedTables(db);
      // The month's changes are counted against the month before it, which the backfill may have filled.
      for (const pending of new Set([...(await pendingMonths(db)), month, ...reconstructed])) {
        await requestsFirst();
        await keepSnapshotReport(db, pending, billableRule, { force: reconstructed.length > 0 });
      }
      const firstOfDay = snapshot === 'taken';
      const pruned = firstOfDay ? await prune(db, pruneBefore) : undefined;
      await requestsFirst();
      if (firstOfDay) await dailyUpkeep(db, firstLoad);
      return { snapshot, reconstructedMonths: reconstructed.length, pruned, indexesRebuilt, duplicateGroups, searchIndexBuilt: await ensureSearchIndex(db) };
    },
  };
}

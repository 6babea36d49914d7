import { WELL_KNOWN_API_KEY } from '@console/codat-emulator';
import { sql } from 'drizzle-orm';
import { rows } from '../src/mirror/db/sql.js';
import { mirrorRuntime } from '../src/mirror/runtime.js';
import { MIRROR_DEFAULTS, type MirrorSettings } from '../src/mirror/settings.js';
import type { SyncRun } from '../src/mirror/store.js';
import { beginSync, continueSync, type SyncContext } from '../src/mirror/sync.js';
import type { Stack } from './stack.js';

/** Mirror settings for tests: small pages (so a demo fleet spans several), no real waiting. */
export const TEST_MIRROR_SETTINGS: MirrorSettings = { ...MIRROR_DEFAULTS, pageSize: 10, intervalMs: 0, quotaPauseMs: 1 };

/** The stack's sync context, as another replica would have it when `holder` is given. */
export function syncContext(stack: Stack, overrides: Partial<SyncContext> = {}): SyncContext {
  return { ...mirrorRuntime(stack.deps).sync, sleep: async () => undefined, ...overrides };
}

/** One whole run (begun and continued); throws when the lease is held elsewhere. */
export async function syncOnce(ctx: SyncContext): Promise<SyncRun> {
  const run = await beginSync(ctx, 'manual');
  if (!run) throw new Error(`${ctx.holder} could not take the mirror lease`);
  return continueSync(ctx, run);
}

/** The emulator's control API (the SMB or the platform acting). */
export async function emulatorControl(stack: Stack, path: string): Promise<void> {
  const response = await fetch(`${stack.emulatorUrl}/_emulator${path}`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(WELL_KNOWN_API_KEY).toString('base64')}` },
  });
  if (!response.ok) throw new Error(`emulator ${path}: ${response.status} ${await response.text()}`);
}

export interface MirrorChangeRow {
  kind: string;
  companyId: string;
  connectionId: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  source: string;
  detail: Record<string, unknown> | null;
}

/** Changes the mirror recorded after `afterId` (all when omitted), in order. */
export function changesSince(stack: Stack, afterId = 0): Promise<MirrorChangeRow[]> {
  return rows<MirrorChangeRow>(
    stack.db,
    sql`select kind, company_id as "companyId", connection_id as "connectionId", from_status as "fromStatus", to_status as "toStatus", source, detail
        from mirror_changes where id > ${afterId} order by id`,
  );
}

export async function lastChangeId(stack: Stack): Promise<number> {
  const [row] = await rows<{ id: number }>(stack.db, sql`select coalesce(max(id), 0)::int as id from mirror_changes`);
  return row!.id;
}

/** Live companies and connections in the mirror, and connections by status. */
export async function mirrorCounts(stack: Stack) {
  const [counts] = await rows<{ companies: number; connections: number; activeErrors: number }>(
    stack.db,
    sql`select (select count(*)::int from mirror_companies where deleted_at is null) as companies,
          (select count(*)::int from mirror_connections where deleted_at is null) as connections,
          (select count(distinct connection_id)::int from mirror_connection_errors where status = 'Active' and not gone) as "activeErrors"`,
  );
  const byStatus = await rows<{ status: string; connections: number }>(
    stack.db,
    sql`select status, count(*)::int as connections from mirror_connections where deleted_at is null group by status`,
  );
  return { ...counts!, byStatus: Object.fromEntries(byStatus.map((row) => [row.status, row.connections])) };
}

/** Rows whose counts kept by each write (linked_connections, active_errors) differ from a recount. */
export async function countsAdrift(stack: Stack): Promise<{ companies: number; connections: number }> {
  const [adrift] = await rows<{ companies: number; connections: number }>(
    stack.db,
    sql`select (select count(*)::int from mirror_companies c
            where c.linked_connections <> (select count(*) from mirror_connections k where k.company_id = c.id and k.status = 'Linked' and k.deleted_at is null)) as companies,
          (select count(*)::int from mirror_connections k
            where k.active_errors <> (select count(*) from mirror_connection_errors e where e.connection_id = k.id and e.active)) as connections`,
  );
  return adrift!;
}

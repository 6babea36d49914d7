import { seedScenario, startEmulator, WELL_KNOWN_API_KEY } from '@console/codat-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserOf, signInTo, startBffProcess } from '../test/bff-process.js';
import { scratchStorage } from '../test/databases.js';
import { OUTAGE, OUTAGE_GROUP_ID, queuedSince } from '../test/jobs.js';
import { until } from '../test/until.js';

const ADMIN = { email: 'ops@console.test', password: 'ops-password-jobs-crash' };
const HIT = 40;

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

async function control(emulator: Emulator, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${emulator.url}/_emulator${path}`, {
    method: 'PUT',
    headers: { Authorization: `Basic ${Buffer.from(WELL_KNOWN_API_KEY).toString('base64')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${path}: ${response.status} ${await response.text()}`);
}

describe('a BFF process killed with -9 in the middle of a bulk refresh', () => {
  let emulator: Emulator;
  let storage: Record<string, string>;
  let cleanUp: () => Promise<void>;
  beforeAll(async () => {
    emulator = await startEmulator({ config: { syncStepMs: 20 }, setup: (emu) => seedScenario(emu, { scenario: 'fleet', companies: 400, seed: 3 }) });
    ({ env: storage, cleanUp } = await scratchStorage('pglite', 'jobs-crash'));
  });
  afterAll(async () => {
    await emulator.close();
    await cleanUp();
  });

  it('is resumed by the next process on the same database, and every eligible connection gets exactly one queued refresh', async () => {
    // A QuickBooks outage across HIT companies (one Linked connection each).
    const erroredOnUtc = new Date(emulator.emu.clock.now() - 3_600_000).toISOString();
    const seen = new Set<string>();
    const hit = [...emulator.emu.store.connections.values()]
      .filter((c) => c.integrationKey === OUTAGE.platformKey && c.status === 'Linked' && !seen.has(c.companyId) && seen.add(c.companyId))
      .slice(0, HIT);
    expect(hit).toHaveLength(HIT);
    for (const c of hit) c.errors.push({ statusCode: OUTAGE.statusCode, statusText: OUTAGE.statusText, errorMessage: 'QuickBooks did not answer.', erroredOnUtc, status: 'Active' });

    const env = {
      ...storage,
      CODAT_API_KEY: WELL_KNOWN_API_KEY,
      CODAT_BASE_URL: emulator.url,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      // Calls time out after 2 s, so a dead process's calls are looked up in Codat after 14 s.
      CODAT_TIMEOUT_MS: '2000',
      MIRROR_SYNC_INTERVAL_MINUTES: '0',
    };
    const first = await startBffProcess(env);
    const admin = await signInTo(first, ADMIN.email, ADMIN.password);
    expect((await admin.json(`${first.url}/api/mirror-syncs`, { method: 'POST' })).status).toBe(202);
    const group = await until(
      () => admin.json(`${first.url}/api/connection-error-groups/${OUTAGE_GROUP_ID}`),
      (answer) => answer.status === 200 && answer.body.companies === HIT,
      { timeoutMs: 30_000, everyMs: 200 },
    );
    expect(group.body.companies).toBe(HIT);

    // Each Codat call now takes 400 ms: the job is still working when the process dies.
    await control(emulator, '/faults', { latencyMs: 400 });
    const startedMs = emulator.emu.clock.now();
    const created = await admin.json(`${first.url}/api/jobs`, { method: 'POST', body: { kind: 'refresh', dataTypes: ['invoices'], errorGroupId: OUTAGE_GROUP_ID } });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    const midway = await until(() => admin.json(`${first.url}/api/jobs/${id}`), (job) => job.body.counts.done >= 3, { timeoutMs: 20_000, everyMs: 50 });
    await first.kill('SIGKILL');
    expect(midway.body.counts.done).toBeLessThan(HIT);

    const second = await startBffProcess(env);
    try {
      const same = browserOf(admin.cookie, admin.csrfToken, admin.session);
      const job = await until(() => same.json(`${second.url}/api/jobs/${id}`), (answer) => answer.body?.status === 'completed', { timeoutMs: 90_000, everyMs: 250 });
      expect(job.body.status).toBe('completed');
      expect(job.body.counts).toMatchObject({ done: HIT, failed: 0, skipped: 0, total: HIT });

      // The emulator's own pull history: one invoices read per eligible connection, none twice, none elsewhere.
      const queued = queuedSince({ emu: emulator.emu }, 'invoices', startedMs);
      expect([...queued.keys()].sort()).toEqual(hit.map((c) => c.id).sort());
      expect([...queued.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    } finally {
      await second.kill('SIGTERM');
    }
  }, 300_000);
});

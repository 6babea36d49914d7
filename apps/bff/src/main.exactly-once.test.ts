import { seedScenario, startEmulator, WELL_KNOWN_API_KEY, type RunningEmulator } from '@console/codat-emulator';
import type { AuditEventRecord } from '@console/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInTo, startBffProcess, type BffProcess } from '../test/bff-process.js';
import { DATABASE_KINDS, scratchStorage } from '../test/databases.js';
import { until } from '../test/until.js';

const ADMIN_PASSWORD = 'admin-password-exactly-once';

/** BFF processes against one Codat (an emulator in this process), so several of them see the same companies. */
function bffAgainst(emulator: RunningEmulator, storage: Record<string, string>) {
  return startBffProcess({ ...storage, CODAT_API_KEY: WELL_KNOWN_API_KEY, CODAT_BASE_URL: emulator.url, ADMIN_PASSWORD, CODAT_TIMEOUT_MS: '10000', MIRROR_SYNC_INTERVAL_MINUTES: '0' });
}


describe.each(DATABASE_KINDS)('exactly-once actions across processes, on %s', (kind) => {
  let emulator: RunningEmulator;
  let storage: Record<string, string>;
  let cleanUp: () => Promise<void>;
  const companiesNamed = (prefix: string) => [...emulator.emu.store.companies.values()].filter((company) => company.name.startsWith(prefix));

  beforeAll(async () => {
    emulator = await startEmulator({ setup: (emu) => seedScenario(emu, { scenario: 'empty' }) });
    ({ env: storage, cleanUp } = await scratchStorage(kind, 'exactly-once'));
  });
  afterAll(async () => {
    await emulator.close();
    await cleanUp();
  });

  it('resolves at the next start the creates a killed process had sent to Codat', async () => {
    const first = await bffAgainst(emulator, storage);
    const admin = await signInTo(first, 'admin@console.local', ADMIN_PASSWORD);
    emulator.emu.faults.settings = { ...emulator.emu.faults.settings, latencyMs: 1_500, methods: ['POST'] };
    const names = ['Crashpoint Alpha Ltd', 'Crashpoint Bravo Ltd', 'Crashpoint Charlie Ltd', 'Crashpoint Delta Ltd', 'Crashpoint Echo Ltd'];
    const sent = names.map((name) => admin.json(`${first.url}/api/companies`, { method: 'POST', body: { name } }).catch(() => undefined));
    await new Promise((resolve) => setTimeout(resolve, 700));
    await first.kill('SIGKILL');
    await Promise.all(sent);
    await until(() => companiesNamed('Crashpoint').length, (count) => count === names.length, { timeoutMs: 10_000 });
    emulator.emu.faults.reset();
    expect(companiesNamed('Crashpoint')).toHaveLength(names.length);

    const second = await bffAgainst(emulator, storage);
    try {
      const again = await signInTo(second, 'admin@console.local', ADMIN_PASSWORD);
      const read = async () => (await again.json(`${second.url}/api/audit-events?range=[0,999]&filter=${encodeURIComponent('{"action":"company.create"}')}`)).body as AuditEventRecord[];
      const entries = await until(read, (rows) => rows.filter((row) => row.outcome === 'ok').length >= names.length);
      const attempts = entries.filter((row) => row.outcome === 'attempt');
      const finals = entries.filter((row) => row.outcome !== 'attempt' && row.outcome !== 'unknown');
      expect(attempts).toHaveLength(names.length);
      // Every attempt has one final outcome: ok, with the id of the company Codat made.
      expect(finals.map((row) => row.attemptId).sort()).toEqual(attempts.map((row) => row.id).sort());
      expect(new Set(finals.map((row) => row.companyId))).toEqual(new Set(companiesNamed('Crashpoint').map((company) => company.id)));
      expect(finals.every((row) => row.outcome === 'ok' && row.details?.resolvedBy === 'codat-check')).toBe(true);
    } finally {
      await second.kill('SIGTERM');
    }
  }, 180_000);

  it.runIf(kind === 'postgres')('runs one create for two replicas sharing a key or a customer', async () => {
    const replicas = (await Promise.all([bffAgainst(emulator, storage), bffAgainst(emulator, storage)])) as [BffProcess, BffProcess];
    try {
      const admin = await signInTo(replicas[0], 'admin@console.local', ADMIN_PASSWORD);
      emulator.emu.faults.settings = { ...emulator.emu.faults.settings, latencyMs: 200 };
      const post = (replica: BffProcess, name: string, key?: string) =>
        admin.json(`${replica.url}/api/companies`, { method: 'POST', body: { name }, headers: key ? { 'Idempotency-Key': key } : {} });

      const sameKey = await Promise.all(replicas.map((replica) => post(replica, 'Replica Key Bakery', 'replicas-same-intent-1')));
      expect(sameKey.map((answer) => answer.status)).toEqual([201, 201]);
      expect(sameKey[0]!.body.id).toBe(sameKey[1]!.body.id);
      expect(companiesNamed('Replica Key Bakery')).toHaveLength(1);

      const sameCustomer = await Promise.all(replicas.map((replica) => post(replica, 'Replica Race Joinery')));
      expect(sameCustomer.map((answer) => answer.status).sort()).toEqual([201, 409]);
      expect(companiesNamed('Replica Race Joinery')).toHaveLength(1);
    } finally {
      emulator.emu.faults.reset();
      await Promise.all(replicas.map((replica) => replica.kill('SIGTERM')));
    }
  }, 120_000);
});

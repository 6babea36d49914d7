import type { AuditEventRecord, StaffRecord } from '@console/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserOf, signInTo, startBffProcess } from '../test/bff-process.js';
import { DATABASE_KINDS, scratchStorage } from '../test/databases.js';
import { until } from '../test/until.js';

const DEMO_PASSWORD = 'demo-password-crash';
const ACTIONS = 30;


describe.each(DATABASE_KINDS)('a BFF process killed mid-stream, on %s', (kind) => {
  let storage: Record<string, string>;
  let cleanUp: () => Promise<void>;
  beforeAll(async () => {
    ({ env: storage, cleanUp } = await scratchStorage(kind, 'crash'));
  });
  afterAll(() => cleanUp());

  it('comes back with every answered action and its audit entry, and no action without one', async () => {
    const first = await startBffProcess({ ...storage, DEMO_PASSWORD });
    expect(first.output()).toContain('Staff accounts created');
    const admin = await signInTo(first, 'admin@console.local', DEMO_PASSWORD);

    // A stream of changes; the process dies with some answered and others still in flight.
    const answered: string[] = [];
    const actions = Array.from({ length: ACTIONS }, (_, i) =>
      admin
        .json(`${first.url}/api/staff`, { method: 'POST', body: { email: `crash${i}@console.test`, name: `Crash ${i}`, role: 'support' } })
        .then((response) => void (response.status === 201 && answered.push(response.body.id)))
        .catch(() => undefined),
    );
    expect(await until(() => answered.length, (count) => count >= 5, { everyMs: 10 })).toBeGreaterThanOrEqual(5);
    await first.kill('SIGKILL');
    await Promise.all(actions);
    expect(answered.length).toBeLessThan(ACTIONS);

    const second = await startBffProcess({ ...storage, DEMO_PASSWORD });
    try {
      expect(second.output()).not.toContain('Staff accounts created');
      // The session lives in the database: it survived the process.
      const same = browserOf(admin.cookie, admin.csrfToken, admin.session);
      expect((await same.json(`${second.url}/api/auth/me`)).status).toBe(200);

      const staff: StaffRecord[] = (await same.json(`${second.url}/api/staff?range=[0,999]&filter=${encodeURIComponent('{"q":"crash"}')}`)).body;
      const entries: AuditEventRecord[] = (await same.json(`${second.url}/api/audit-events?range=[0,999]&sort=["id","ASC"]`)).body;
      const created = entries.filter((entry) => entry.action === 'staff.create' && entry.outcome === 'ok' && !entry.details?.firstStart);

      for (const id of answered) expect(created.filter((entry) => entry.details?.staffId === id)).toHaveLength(1);
      expect(new Set(created.map((entry) => entry.details?.staffId))).toEqual(new Set(staff.map((account) => account.id)));
      expect(staff.length).toBeGreaterThanOrEqual(answered.length);
      expect(entries.some((entry) => entry.action === 'auth.login' && entry.actorEmail === 'admin@console.local')).toBe(true);
      const ids = entries.map((entry) => entry.id);
      expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
    } finally {
      await second.kill('SIGTERM');
    }
  }, 180_000);
});

import type { AuditEventRecord } from '@console/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserOf, signInTo, startBffProcess, type BffProcess } from '../test/bff-process.js';
import { createScratchPostgres } from '../test/databases.js';

const DEMO_PASSWORD = 'demo-password-replicas';

describe('two BFF processes against one PostgreSQL', () => {
  let replicas: BffProcess[];
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const scratch = await createScratchPostgres();
    drop = scratch.drop;
    // Started together: they take turns migrating, and only one creates the first accounts.
    replicas = await Promise.all([1, 2].map(() => startBffProcess({ DATABASE_URL: scratch.url, DEMO_PASSWORD, LOGIN_MAX_FAILURES: '4', SESSION_CACHE_MS: '0' })));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.kill('SIGTERM')));
    await drop();
  });

  it('created the first accounts once, and each reports its database in /readyz', async () => {
    expect(replicas.filter((replica) => replica.output().includes('Staff accounts created'))).toHaveLength(1);
    for (const replica of replicas) {
      const ready = (await (await fetch(`${replica.url}/readyz`)).json()) as { checks: Record<string, { ok: boolean }> };
      expect(ready.checks.database).toEqual({ ok: true });
    }
  });

  it('shares sessions: signed in on one, valid on the other, signed out everywhere at once', async () => {
    const [a, b] = replicas as [BffProcess, BffProcess];
    const admin = await signInTo(a, 'admin@console.local', DEMO_PASSWORD);
    expect((await admin.json(`${b.url}/api/auth/me`)).body.user.email).toBe('admin@console.local');
    const created = await admin.json(`${b.url}/api/staff`, { method: 'POST', body: { email: 'shared@console.test', name: 'Shared', role: 'finance' } });
    expect(created.status).toBe(201);
    expect((await admin.json(`${b.url}/api/auth/logout`, { method: 'POST' })).status).toBe(204);
    expect((await admin.json(`${a.url}/api/auth/me`)).status).toBe(401);
  }, 30_000);

  it('shares the sign-in lock-out', async () => {
    const [a, b] = replicas as [BffProcess, BffProcess];
    const attempt = (replica: BffProcess, password: string) =>
      fetch(`${replica.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'finance@console.local', password }),
      });
    for (const replica of [a, b, a, b]) expect((await attempt(replica, 'wrong-password')).status).toBe(401);
    expect((await attempt(a, DEMO_PASSWORD)).status).toBe(429);
    expect((await attempt(b, DEMO_PASSWORD)).status).toBe(429);
  }, 30_000);

  it('writes one audit log with no gaps while both act at once', async () => {
    const [a, b] = replicas as [BffProcess, BffProcess];
    const admin = await signInTo(a, 'admin@console.local', DEMO_PASSWORD);
    const before: AuditEventRecord[] = (await admin.json(`${a.url}/api/audit-events?range=[0,0]`)).body;
    const PER_REPLICA = 10;
    const results = await Promise.all(
      [a, b].flatMap((replica, r) =>
        Array.from({ length: PER_REPLICA }, (_, i) =>
          admin.json(`${replica.url}/api/staff`, { method: 'POST', body: { email: `r${r}-${i}@console.test`, name: 'Concurrent', role: 'support' } }),
        ),
      ),
    );
    expect(results.map((result) => result.status)).toEqual(Array(2 * PER_REPLICA).fill(201));

    const reader = browserOf(admin.cookie, admin.csrfToken, admin.session);
    const after: AuditEventRecord[] = (await reader.json(`${b.url}/api/audit-events?range=[0,999]&sort=["id","ASC"]`)).body;
    const ids = after.map((entry) => entry.id);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => ids[0]! + i));
    const fresh = after.filter((entry) => entry.id > before[0]!.id);
    expect(fresh.filter((entry) => entry.action === 'staff.create' && entry.outcome === 'ok')).toHaveLength(2 * PER_REPLICA);
    expect(new Set(fresh.map((entry) => entry.details?.email)).size).toBe(2 * PER_REPLICA);
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { sessionCache, type CachedSession } from './session-cache.js';

const row = (id: string): CachedSession => ({
  id,
  csrfToken: 'csrf',
  user: { id: `user-${id}` } as CachedSession['user'],
  lastSeenAt: new Date(),
  expiresAt: new Date(Date.now() + 60_000),
  readAtMs: Date.now(),
});

function deferred() {
  let settle!: (session: CachedSession | undefined) => void;
  const promise = new Promise<CachedSession | undefined>((resolve) => (settle = resolve));
  return { promise, settle };
}

describe('the session cache', () => {
  it('reads the database once for the requests of one session that arrive together, and keeps the row', async () => {
    const database = deferred();
    let reads = 0;
    const load = () => ((reads += 1), database.promise);
    const together = [sessionCache.read('together', load), sessionCache.read('together', load), sessionCache.read('together', load)];
    database.settle(row('together'));
    expect((await Promise.all(together)).map((session) => session?.id)).toEqual(['together', 'together', 'together']);
    expect(reads).toBe(1);
    expect(sessionCache.get('together', 60_000)?.id).toBe('together');
    expect(sessionCache.get('together', 0)).toBeUndefined();
  });

  it('never keeps a read that a revocation overtook: the next request reads again', async () => {
    for (const revoke of [() => sessionCache.forget('overtaken'), () => sessionCache.forgetUser('user-overtaken')]) {
      const database = deferred();
      const before = sessionCache.read('overtaken', () => database.promise);
      revoke();
      let readAgain = false;
      const after = sessionCache.read('overtaken', async () => ((readAgain = true), undefined));
      database.settle(row('overtaken'));
      expect((await before)?.id).toBe('overtaken');
      expect(await after).toBeUndefined();
      expect(readAgain).toBe(true);
      expect(sessionCache.get('overtaken', 60_000)).toBeUndefined();
    }
  });

  it('keeps nothing from a failed read', async () => {
    await expect(sessionCache.read('failing', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await sessionCache.read('failing', async () => row('failing'))).toMatchObject({ id: 'failing' });
  });
});

import { describe, expect, it } from 'vitest';
import { KeyedSemaphore, Semaphore } from './semaphore.js';

describe('Semaphore', () => {
  it('lets waiters in first come, first served as slots are released', async () => {
    const semaphore = new Semaphore(1);
    const order: number[] = [];
    const first = await semaphore.acquire();
    const waiting = [2, 3].map((n) =>
      semaphore.acquire().then((release) => (order.push(n), release)),
    );
    first();
    (await waiting[0]!)();
    (await waiting[1]!)();
    expect(order).toEqual([2, 3]);
    expect(semaphore.idle).toBe(true);
  });

  it('ignores a second release of the same slot', async () => {
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire();
    release();
    release();
    const again = await semaphore.acquire();
    let thirdIn = false;
    void semaphore.acquire().then(() => (thirdIn = true));
    await Promise.resolve();
    expect(thirdIn).toBe(false);
    again();
  });

  it('caps each key separately', async () => {
    const semaphores = new KeyedSemaphore(1);
    const a = await semaphores.acquire('a');
    let secondAIn = false;
    const secondA = semaphores.acquire('a').then((release) => ((secondAIn = true), release));
    const b = await semaphores.acquire('b');
    expect(secondAIn).toBe(false);
    a();
    (await secondA)();
    b();
  });
});

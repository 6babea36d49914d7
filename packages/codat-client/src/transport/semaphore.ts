export type Release = () => void;

/** A FIFO counting semaphore: callers over the limit wait in line instead of failing. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`concurrency limit must be at least 1, got ${limit}`);
  }

  get idle(): boolean {
    return this.active === 0 && this.waiting.length === 0;
  }

  async acquire(): Promise<Release> {
    if (this.active < this.limit) this.active += 1;
    // The releasing holder hands its slot straight to us, so `active` is unchanged.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    };
  }
}

/** One semaphore per key (company id), dropped when idle so the map doesn't grow with the fleet. */
export class KeyedSemaphore {
  private readonly semaphores = new Map<string, Semaphore>();

  constructor(private readonly limitPerKey: number) {}

  async acquire(key: string): Promise<Release> {
    let semaphore = this.semaphores.get(key);
    if (!semaphore) this.semaphores.set(key, (semaphore = new Semaphore(this.limitPerKey)));
    const release = await semaphore.acquire();
    return () => {
      release();
      if (semaphore.idle) this.semaphores.delete(key);
    };
  }
}

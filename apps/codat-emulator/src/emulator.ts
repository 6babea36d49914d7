import { Clock } from './clock.js';
import { defaultConfig, type EmulatorConfig } from './config.js';
import { EventBus } from './events.js';
import { ConcurrencyLimiter } from './http/concurrency.js';
import { Faults } from './http/faults.js';
import { RateLimiter } from './http/rate-limit.js';
import { Store } from './store/store.js';

/**
 * Everything a request handler may touch: state, time, configuration, realism controls.
 * One instance per emulator; routes receive it when the app is built.
 */
export class Emulator {
  readonly store = new Store();
  readonly clock = new Clock();
  readonly events = new EventBus();
  readonly faults = new Faults();
  readonly concurrency = new ConcurrencyLimiter();
  readonly rateLimiter: RateLimiter;
  readonly config: EmulatorConfig;
  /** Run before every request and on a timer: settles pull operations that are due. */
  private readonly tickers: Array<(now: number) => void> = [];

  constructor(config: Partial<EmulatorConfig> = {}) {
    this.config = defaultConfig(config);
    this.rateLimiter = new RateLimiter(this.clock);
  }

  onTick(ticker: (now: number) => void): void {
    this.tickers.push(ticker);
  }

  tick(): void {
    const now = this.clock.now();
    for (const ticker of this.tickers) ticker(now);
  }

  /** Back to an empty, fault-free emulator with the real clock. */
  reset(): void {
    this.store.clear();
    this.clock.reset();
    this.faults.reset();
    this.rateLimiter.reset();
    this.concurrency.reset();
  }
}

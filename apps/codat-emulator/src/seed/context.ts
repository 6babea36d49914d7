import type { BankFeedsVersion } from '../config.js';
import type { Emulator } from '../emulator.js';
import type { Store } from '../store/store.js';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** What every generator needs: where to write, and the instant all generated dates precede. */
export interface SeedContext {
  store: Store;
  anchorMs: number;
  bankFeedsVersion: BankFeedsVersion;
}

export function defaultAnchorMs(emu: Emulator): number {
  return Math.floor(emu.clock.now() / HOUR_MS) * HOUR_MS;
}

/**
 * The default anchor is the start of the current UTC hour on the emulator's clock: seeded data
 * always looks current, and two runs in the same hour give identical dates. Pass `anchorMs` for
 * dates that are identical across runs on any day.
 */
export function seedContext(emu: Emulator, anchorMs: number = defaultAnchorMs(emu)): SeedContext {
  return {
    store: emu.store,
    anchorMs,
    bankFeedsVersion: emu.config.bankFeedsVersion,
  };
}

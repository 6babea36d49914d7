import type { Emulator } from '../emulator.js';
import { summarizeStore } from '../seed/summary.js';

/** `GET /_emulator/state`: ground-truth counts plus the realism controls currently in force. */
export function emulatorState(emu: Emulator) {
  const { limit, windowMs, remaining, resetMs } = emu.rateLimiter.current;
  return {
    clock: { now: new Date(emu.clock.now()).toISOString() },
    config: {
      bankFeedsVersion: emu.config.bankFeedsVersion,
      syncStepMs: emu.config.syncStepMs,
      webhookUrl: emu.config.webhook?.url ?? null,
    },
    faults: emu.faults.settings,
    rateLimit: { limit, windowSeconds: windowMs / 1000, remaining, resetsAt: new Date(resetMs).toISOString() },
    concurrency: emu.concurrency.current,
    pendingDatasets: emu.store.pendingDatasets.size,
    counts: summarizeStore(emu.store),
  };
}

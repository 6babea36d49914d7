import { AsyncLocalStorage } from 'node:async_hooks';

/** One call to Codat made while answering a request, in performance.now() milliseconds. */
export interface CodatCall {
  startMs: number;
  endMs: number;
}

const calls = new AsyncLocalStorage<CodatCall[]>();

/** Runs `handle` (a request) noting every Codat call made on its behalf into `into`. */
export function traceCodatCalls<T>(into: CodatCall[], handle: () => T): T {
  return calls.run(into, handle);
}

/** Called by the Codat client's observer when a call ends. */
export function noteCodatCall(durationMs: number): void {
  const endMs = performance.now();
  calls.getStore()?.push({ startMs: endMs - durationMs, endMs });
}

/**
 * Codat round trips the request waited for: the longest chain of calls each made after the one
 * before had answered (calls in parallel count once).
 */
export function roundTrips(traced: readonly CodatCall[]): number {
  let count = 0;
  let lastEndMs = -Infinity;
  for (const call of [...traced].sort((a, b) => a.endMs - b.endMs)) {
    if (call.startMs < lastEndMs) continue;
    count += 1;
    lastEndMs = call.endMs;
  }
  return count;
}

/** A `Server-Timing` entry for the Codat calls, for browser dev tools and bench:screens. */
export function codatServerTiming(traced: readonly CodatCall[]): string {
  const waitedMs = Math.max(...traced.map((call) => call.endMs)) - Math.min(...traced.map((call) => call.startMs));
  return `codat;dur=${waitedMs.toFixed(1)};desc="calls=${traced.length} roundTrips=${roundTrips(traced)}"`;
}

/**
 * A clock that only moves when the client sleeps, so backoff runs instantly and every delay
 * it chose is recorded. `random` fixed at 0.5 makes full jitter land mid-range.
 */
export function fakeTiming(startMs = 0, random = 0.5) {
  let nowMs = startMs;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => nowMs,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      nowMs += ms;
    },
    random: () => random,
  };
}

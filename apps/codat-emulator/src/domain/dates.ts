/**
 * Codat timestamps vary in precision: 7-digit fractions on create responses
 * (`2022-11-10T10:45:18.1950523Z`), whole seconds on later reads. The emulator reproduces both.
 */
export function codatTimestamp(ms: number, precision: 'ticks' | 'seconds' = 'ticks'): string {
  const iso = new Date(ms).toISOString(); // 2022-11-10T10:45:18.195Z
  if (precision === 'seconds') return `${iso.slice(0, 19)}Z`;
  // .NET ticks are 100 ns: pad the millisecond fraction to seven digits with a stable tail.
  const tail = String(Math.abs(ms * 7919) % 10000).padStart(4, '0');
  return `${iso.slice(0, 23)}${tail}Z`;
}

/** `YYYY-MM-DD`, as v2 source accounts use for `feedStartDate`. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

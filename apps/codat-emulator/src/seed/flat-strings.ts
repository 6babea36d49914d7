import { codatTimestamp } from '../domain/dates.js';

const scratch = Buffer.alloc(128);

/**
 * A contiguous copy of a short ASCII string. V8 keeps strings built by slicing and
 * concatenation as trees of parts, several times the size of the text; a seeded fleet holds
 * millions of them.
 */
export function flat(text: string): string {
  if (text.length > scratch.length) return text;
  const length = scratch.write(text, 0, 'latin1');
  return scratch.toString('latin1', 0, length);
}

export function timestamp(ms: number, precision?: 'ticks' | 'seconds'): string {
  return flat(codatTimestamp(ms, precision));
}

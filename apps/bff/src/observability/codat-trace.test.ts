import { describe, expect, it } from 'vitest';
import { roundTrips } from './codat-trace.js';

describe('roundTrips', () => {
  it('counts calls in parallel once and calls made after an answer again', () => {
    expect(roundTrips([])).toBe(0);
    expect(roundTrips([{ startMs: 0, endMs: 300 }, { startMs: 5, endMs: 310 }, { startMs: 2, endMs: 290 }])).toBe(1);
    // The second call starts once the first answered; the third runs beside the second.
    expect(roundTrips([{ startMs: 0, endMs: 300 }, { startMs: 301, endMs: 600 }, { startMs: 320, endMs: 640 }])).toBe(2);
  });
});

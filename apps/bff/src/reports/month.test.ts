import { describe, expect, it } from 'vitest';
import { monthBounds, monthSchema, previousMonth } from './month.js';

describe('months', () => {
  it('bounds a month, across a year end', () => {
    expect(monthBounds('2026-10')).toEqual({ start: '2026-10-01', next: '2026-11-01' });
    expect(monthBounds('2026-12')).toEqual({ start: '2026-12-01', next: '2027-01-01' });
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-03')).toBe('2026-02');
  });

  it('accepts YYYY-MM only', () => {
    expect(monthSchema.safeParse('2026-10').success).toBe(true);
    for (const bad of ['2026-13', '2026-1', '26-10', '2026-10-01', '']) expect(monthSchema.safeParse(bad).success).toBe(false);
  });
});

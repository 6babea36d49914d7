import { describe, expect, it } from 'vitest';
import { INCIDENT_RULE, isProbableIncident } from './incident.js';

describe('probable incident rule', () => {
  it('needs at least 5 companies in the last 24 hours', () => {
    expect(isProbableIncident(4, 0)).toBe(false);
    expect(isProbableIncident(5, 0)).toBe(true);
  });

  it('needs 5× the daily baseline', () => {
    // 58 company-days over 29 days = 2 a day: 10 is 5×, 9 is not.
    expect(isProbableIncident(10, 58)).toBe(true);
    expect(isProbableIncident(9, 58)).toBe(false);
  });

  it('is stated in words', () => {
    expect(INCIDENT_RULE).toMatch(/at least 5 companies .* 5× /);
  });
});

import { describe, expect, it } from 'vitest';
import { formatClock, formatExpiry, formatSpan } from './time';
import { urlLabel } from './urlLabel';

const NOW = new Date('2026-03-03T13:05:30Z').getTime();

describe('urlLabel', () => {
  it('names the kind of URL and when it expires', () => {
    const expiresAt = new Date(NOW + 59 * 60_000 + 20_000).toISOString();
    const clock = formatClock(new Date(expiresAt));
    expect(urlLabel({ kind: 'connection', url: 'u', expiresAt }, 'QuickBooks Online Bank Feeds', NOW)).toBe(
      `QuickBooks Online Bank Feeds link — expires in 59 min, at ${clock}`,
    );
    expect(urlLabel({ kind: 'company', url: 'u', expiresAt: null }, 'Acme', NOW)).toBe('Company Link URL — does not expire');
    expect(urlLabel({ kind: 'invite', url: 'u' }, 'Invite', NOW)).toMatch(/^Invite URL — creates a new company/);
  });

  it('says when a link has expired, and names the day when it is not today', () => {
    expect(formatExpiry(new Date(NOW - 3 * 60_000).toISOString(), NOW)).toMatch(/^expired 3 min ago, at \d\d:\d\d/);
    expect(formatExpiry(new Date(NOW + 26 * 3_600_000).toISOString(), NOW)).toMatch(/^expires in 1 day, at \d\d:\d\d on \w+/);
  });

  it('rounds spans down so it never promises more time than is left', () => {
    expect(formatSpan(59 * 60_000 + 59_000)).toBe('59 min');
    expect(formatSpan(2 * 3_600_000 + 5 * 60_000)).toBe('2 h 5 min');
    expect(formatSpan(23 * 3_600_000 + 59 * 60_000)).toBe('23 h');
    expect(formatSpan(30_000)).toBe('less than a minute');
  });
});

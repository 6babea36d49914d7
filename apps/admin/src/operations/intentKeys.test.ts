import { beforeEach, describe, expect, it } from 'vitest';
import { beginIntent, leavesIntentOpen } from './intentKeys';

describe('intent keys', () => {
  beforeEach(() => sessionStorage.clear());

  it('gives the same request the same key until the intent ends', () => {
    const first = beginIntent('POST', '/api/companies', '{"name":"A"}');
    const again = beginIntent('POST', '/api/companies', '{"name":"A"}');
    expect(again.key).toBe(first.key);
    first.end();
    expect(beginIntent('POST', '/api/companies', '{"name":"A"}').key).not.toBe(first.key);
  });

  it('gives another body, path or method another key', () => {
    const key = beginIntent('POST', '/api/companies', '{"name":"A"}').key;
    expect(beginIntent('POST', '/api/companies', '{"name":"B"}').key).not.toBe(key);
    expect(beginIntent('POST', '/api/connections', '{"name":"A"}').key).not.toBe(key);
    expect(beginIntent('PUT', '/api/companies', '{"name":"A"}').key).not.toBe(key);
  });

  it('survives a reload (session storage) and starts afresh after a day', () => {
    const now = Date.UTC(2026, 11, 5, 9);
    const key = beginIntent('DELETE', '/api/companies/1', '', now).key;
    expect(sessionStorage.getItem('console.intents')).not.toContain('/api/companies');
    expect(beginIntent('DELETE', '/api/companies/1', '', now + 60_000).key).toBe(key);
    expect(beginIntent('DELETE', '/api/companies/1', '', now + 25 * 3_600_000).key).not.toBe(key);
  });

  it('keeps the intent open only while the outcome is open', () => {
    expect(leavesIntentOpen(0, undefined)).toBe(true);
    expect(leavesIntentOpen(504, 'outcome_unknown')).toBe(true);
    expect(leavesIntentOpen(409, 'idempotency_in_progress')).toBe(true);
    expect(leavesIntentOpen(201, undefined)).toBe(false);
    expect(leavesIntentOpen(409, 'possible_duplicate')).toBe(false);
    expect(leavesIntentOpen(504, 'codat_timeout')).toBe(false);
  });
});

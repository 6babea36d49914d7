import { afterAll, beforeAll, expect, it } from 'vitest';
import { startStack, type Stack } from '../../../test/stack.js';
import { SEARCH_LIMIT } from './search.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ scenario: 'fleet', companies: SEARCH_LIMIT + 600 });
});
afterAll(async () => {
  await stack.close();
});

it('caps a search that matches more than it merges, and says so', async () => {
  const matching = [...stack.emu.store.companies.values()].filter((c) => c.name.toLowerCase().includes('e')).length;
  expect(matching).toBeGreaterThan(SEARCH_LIMIT);
  const filter = encodeURIComponent(JSON.stringify({ q: 'e' }));
  const response = await stack.json(`/api/companies?filter=${filter}&range=[0,9]&sort=["created","DESC"]`);
  expect(response.status).toBe(200);
  expect(response.headers.get('x-search-capped')).toBe(String(SEARCH_LIMIT));
  expect(response.headers.get('content-range')).toBe(`companies 0-9/${SEARCH_LIMIT}`);
  // The kept matches are the newest ones: Codat was asked for them in the requested order.
  const newest = [...stack.emu.store.companies.values()].sort((a, b) => b.createdMs - a.createdMs)[0]!;
  expect(response.body[0].created).toBe(newest.created);
});

it('does not flag an uncapped search', async () => {
  const filter = encodeURIComponent(JSON.stringify({ q: 'zzzz-no-such-company' }));
  const response = await stack.json(`/api/companies?filter=${filter}`);
  expect(response.headers.get('x-search-capped')).toBeNull();
  expect(response.body).toEqual([]);
});

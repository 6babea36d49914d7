import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncContext, syncOnce, TEST_MIRROR_SETTINGS } from '../../../test/mirror.js';
import { startStack, type Stack } from '../../../test/stack.js';

const list = (q: string) => `/api/companies?filter=${encodeURIComponent(JSON.stringify({ q }))}&range=${encodeURIComponent('[0,24]')}`;

describe('companies list once the mirror has synced', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ settings: { mirror: TEST_MIRROR_SETTINGS } });
  });
  afterAll(() => stack.close());

  it('answers from Codat before the first sync, then from the mirror with its refresh time', async () => {
    expect((await stack.request(list('a'))).headers.get('X-Mirror-Refreshed-At')).toBeNull();
    await syncOnce(syncContext(stack));
    expect((await stack.request(list('a'))).headers.get('X-Mirror-Refreshed-At')).toBeTruthy();
  });

  it('shows a company created through the console at once, and drops it once deleted', async () => {
    const created = await stack.json('/api/companies', { method: 'POST', body: { name: 'Mirrored Marmalade Ltd' } });
    expect(created.status).toBe(201);
    const found = await stack.json(list('Marmalade'));
    expect(found.body.map((company: { id: string }) => company.id)).toEqual([created.body.id]);

    expect((await stack.json(`/api/companies/${created.body.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await stack.json(list('Marmalade'))).body).toEqual([]);
  });
});

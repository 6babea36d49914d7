import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_MIRROR_SETTINGS } from '../../../test/mirror.js';
import { startStack, type Stack } from '../../../test/stack.js';
import { mirrorRuntime } from '../../mirror/runtime.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ settings: { mirror: TEST_MIRROR_SETTINGS } });
});
afterAll(async () => {
  await stack.close();
});

describe('mirror-syncs', () => {
  it('an admin starts a sync; its outcome is listed', async () => {
    const started = await stack.json('/api/mirror-syncs', { method: 'POST' });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ trigger: 'manual', status: 'running', pages: 0 });
    expect((await stack.json('/api/mirror-syncs', { method: 'POST' })).status).toBe(409);
    await mirrorRuntime(stack.deps).job.running();

    const list = await stack.json('/api/mirror-syncs');
    expect(list.headers.get('x-total-count')).toBe('1');
    const [run] = list.body;
    expect(run).toMatchObject({ id: started.body.id, status: 'completed', pages: 5, companies: stack.emu.store.companies.size, errors: [] });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    expect(list.headers.get('x-mirror-refreshed-at')).toBe(run.finishedAt);
    expect((await stack.json(`/api/mirror-syncs/${run.id}`)).body).toEqual(run);
    expect((await stack.json('/api/mirror-syncs/999')).status).toBe(404);
  });

  it('is for admins only', async () => {
    for (const role of ['support', 'finance', 'customer_success'] as const) {
      const client = await stack.as(role);
      expect((await client.json('/api/mirror-syncs')).status).toBe(403);
      expect((await client.json('/api/mirror-syncs', { method: 'POST' })).status).toBe(403);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack.js';

/** POST /api/companies with an Idempotency-Key, as the SPA sends one per user intent. */
describe('Idempotency-Key on state-changing requests', () => {
  let stack: Stack;
  const companiesNamed = (name: string) => [...stack.emu.store.companies.values()].filter((company) => company.name === name);
  const create = (key: string, body: unknown, as = stack.json) => as('/api/companies', { method: 'POST', body, headers: { 'Idempotency-Key': key } });

  beforeAll(async () => {
    stack = await startStack({ scenario: 'empty' });
  });
  afterAll(() => stack.close());

  it('replays the first answer to a repeat, and creates one company', async () => {
    const first = await create('intent-replay-0001', { name: 'Replay Bakery' });
    const again = await create('intent-replay-0001', { name: 'Replay Bakery' });
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: { id: first.body.id } });
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(companiesNamed('Replay Bakery')).toHaveLength(1);
  });

  it('runs a double submit once: the second waits for the first and gets its answer', async () => {
    stack.emu.faults.settings.latencyMs = 150;
    try {
      const answers = await Promise.all([create('intent-double-0001', { name: 'Double Click Joinery' }), create('intent-double-0001', { name: 'Double Click Joinery' })]);
      expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
      expect(answers[1]!.body.id).toBe(answers[0]!.body.id);
    } finally {
      stack.emu.faults.reset();
    }
    expect(companiesNamed('Double Click Joinery')).toHaveLength(1);
  });

  it('refuses the same key for another request with 422, and changes nothing', async () => {
    await create('intent-reused-0001', { name: 'First Use Ltd' });
    const reused = await create('intent-reused-0001', { name: 'Second Use Ltd' });
    expect(reused).toMatchObject({ status: 422, body: { error: { code: 'idempotency_key_reused' } } });
    expect(companiesNamed('Second Use Ltd')).toHaveLength(0);
  });

  it('frees the key of a refused request, so the same intent can go on once confirmed', async () => {
    await create('intent-seed-000001', { name: 'Confirmable Cafe' });
    const refused = await create('intent-confirm-0001', { name: 'Confirmable Cafe' });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'possible_duplicate' } } });
    const again = await create('intent-confirm-0001', { name: 'Confirmable Cafe' });
    expect(again.status).toBe(409);
    expect(again.headers.get('Idempotent-Replayed')).toBeNull();
  });

  it('keeps keys per staff member', async () => {
    const support = await stack.as('support');
    const mine = await create('intent-shared-0001', { name: 'Kestrel Audio' });
    const theirs = await create('intent-shared-0001', { name: 'Marigold Textiles' }, support.json);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('refuses a malformed key before doing anything', async () => {
    const answer = await create('short', { name: 'Malformed Key Ltd' });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: expect.stringContaining('Idempotency-Key') } } });
    expect(companiesNamed('Malformed Key Ltd')).toHaveLength(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../test/databases.js';
import { startStack, type Stack } from '../../test/stack.js';

/**
 * Two colleagues create the same new customer at the same moment. Codat answers slowly, so both
 * requests are inside the possible-duplicate check together; one company must come out.
 */
describe.each(DATABASE_KINDS)('concurrent creates of one customer, on %s', (database) => {
  let stack: Stack;
  const companiesNamed = (name: string) => [...stack.emu.store.companies.values()].filter((company) => company.name === name);

  beforeAll(async () => {
    stack = await startStack({ scenario: 'empty', database });
    stack.emu.faults.settings.latencyMs = 100;
  });
  afterAll(() => stack.close());

  const race = async (bodies: unknown[]) => {
    const support = await stack.as('support');
    const callers = [stack.json, support.json];
    return Promise.all(bodies.map((body, i) => callers[i % 2]!('/api/companies', { method: 'POST', body })));
  };

  it('creates one company; the other request is told about the creation in flight', async () => {
    const answers = await race([{ name: 'Racing Pigeon Cafe' }, { name: 'Racing Pigeon Cafe' }]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const refused = answers.find((answer) => answer.status === 409)!;
    expect(refused.body.error.code).toBe('possible_duplicate');
    const named = [...refused.body.error.details.candidates.map((c: { name: string }) => c.name), ...refused.body.error.details.inFlight.map((c: { companyName: string }) => c.companyName)];
    expect(named).toContain('Racing Pigeon Cafe');
    expect(companiesNamed('Racing Pigeon Cafe')).toHaveLength(1);
  });

  it('creates one company even when both confirm a new company, and by merchant id under different names', async () => {
    const confirm = { reason: 'Customer switched accounting software' };
    const confirmed = await race([
      { name: 'Twin Confirm Bakery', confirmNewCompany: confirm },
      { name: 'Twin Confirm Bakery', confirmNewCompany: confirm },
    ]);
    expect(confirmed.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(companiesNamed('Twin Confirm Bakery')).toHaveLength(1);

    const byMerchant = await race([
      { name: 'Northwind Traders', merchantId: 'M-RACE-1' },
      { name: 'Southwind Supplies', merchantId: 'm-race-1' },
    ]);
    expect(byMerchant.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const made = [...stack.emu.store.companies.values()].filter((company) => company.tags?.merchantId?.toLowerCase() === 'm-race-1');
    expect(made).toHaveLength(1);
  });

  it('lets a user who saw the new company confirm over it, by id', async () => {
    const first = await stack.json('/api/companies', { method: 'POST', body: { name: 'Second Site Florist' } });
    expect(first.status).toBe(201);
    const refused = await stack.json('/api/companies', { method: 'POST', body: { name: 'Second Site Florist', confirmNewCompany: { reason: 'A separate business' } } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.candidates.map((c: { id: string }) => c.id)).toEqual([first.body.id]);
    const confirmed = await stack.json('/api/companies', {
      method: 'POST',
      body: { name: 'Second Site Florist', confirmNewCompany: { reason: 'A separate business', candidateIds: [first.body.id] } },
    });
    expect(confirmed.status).toBe(201);
    expect(companiesNamed('Second Site Florist')).toHaveLength(2);
  });
});

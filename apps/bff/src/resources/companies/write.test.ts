import { DEMO_FIXTURES as F } from '@console/codat-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../../test/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

const companyCount = () => stack.emu.store.companies.size;
const create = (body: unknown) => stack.json('/api/companies', { method: 'POST', body });
const storedCompany = (id: string) => stack.emu.store.companies.get(id);

describe('POST /api/companies — duplicate guard', () => {
  it.each([
    ['the same merchant id', { name: 'Completely Different Name', merchantId: F.duplicateCustomer.merchantId }, 'merchantId'],
    ['the same name', { name: F.duplicateCustomer.name }, 'sameName'],
    ['a name variant', { name: 'harbourside coffee roasters, LLC' }, 'sameName'],
    ['a misspelt name', { name: 'Harborside Coffee Roasters' }, 'similarName'],
  ])('answers 409 possible_duplicate for %s and creates nothing', async (_case, body, reason) => {
    const before = companyCount();
    const response = await create(body);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('possible_duplicate');
    const candidates = response.body.error.details.candidates as any[];
    expect(candidates.map((c) => c.id)).toEqual(expect.arrayContaining([F.duplicateCustomer.companyIds[0]]));
    expect(candidates.find((c) => c.id === F.duplicateCustomer.companyIds[0]).matchedOn).toContain(reason);
    // Candidates come with their connections, oldest (the one with the Linked Xero connection) first among equals.
    expect(candidates[0].platforms).toEqual([expect.objectContaining({ key: 'gbol', status: 'Linked' })]);
    expect(JSON.stringify(candidates)).not.toMatch(/\/link|"redirect"|linkUrl/);
    expect(companyCount()).toBe(before);
  });

  it('creates with a reason, including the merchant-id tag', async () => {
    const before = companyCount();
    const response = await create({
      name: F.duplicateCustomer.name,
      merchantId: F.duplicateCustomer.merchantId,
      description: 'Switched to QuickBooks',
      tags: { region: 'uk' },
      confirmNewCompany: { reason: 'Customer switched accounting software' },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name: F.duplicateCustomer.name,
      description: 'Switched to QuickBooks',
      merchantId: F.duplicateCustomer.merchantId,
      tags: { merchantId: F.duplicateCustomer.merchantId, region: 'uk', consoleOperation: expect.any(String) },
      platforms: [],
      connectionCount: 0,
    });
    expect(companyCount()).toBe(before + 1);
    expect(storedCompany(response.body.id)?.tags).toEqual({ merchantId: F.duplicateCustomer.merchantId, region: 'uk', consoleOperation: expect.any(String) });
  });

  it('creates a genuinely new customer without asking', async () => {
    const response = await create({ name: 'Zanzibar Kite Supplies', merchantId: 'M-999001' });
    expect(response.status).toBe(201);
    expect(storedCompany(response.body.id)?.name).toBe('Zanzibar Kite Supplies');
  });

  it('refuses a too-short reason', async () => {
    const response = await create({ name: F.duplicateCustomer.name, confirmNewCompany: { reason: 'ok' } });
    expect(response.status).toBe(400);
  });
});

describe('POST /api/companies — validation', () => {
  it.each([
    ['Acme (UK) Ltd', ['"("', '")"']],
    ['Café #1', ['"é"', '"#"']],
    ['A_B', ['"_"']],
  ])('refuses the name %j, listing %j, and creates nothing', async (name, listed) => {
    const before = companyCount();
    const response = await create({ name, confirmNewCompany: { reason: 'testing the validation' } });
    expect(response.status).toBe(400);
    for (const character of listed) expect(response.body.error.message).toContain(character);
    expect(companyCount()).toBe(before);
  });

  it.each([
    [{ name: '' }],
    [{ name: 'Fine', merchantId: 'x||id!=0' }],
    [{ name: 'Fine', unknown: true }],
    [{ name: 'Fine', tags: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])) }],
    [{ name: 'Fine', tags: { ['k'.repeat(28)]: 'v' } }],
  ])('refuses %j', async (body) => {
    const before = companyCount();
    expect((await create(body)).status).toBe(400);
    expect(companyCount()).toBe(before);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await stack.request('/api/companies', { method: 'POST', body: '{', headers: { 'Content-Type': 'application/json' } });
    expect(response.status).toBe(400);
  });
});

describe('PUT /api/companies/:id', () => {
  it('keeps the tags it was not asked to change', async () => {
    const { body: company } = await create({ name: 'Tag Keeper Bakery', merchantId: 'M-999002', tags: { region: 'uk', team: 'smb' } });
    const response = await stack.json(`/api/companies/${company.id}`, { method: 'PUT', body: { name: 'Tag Keeper Bakery & Cafe' } });
    expect(response.status).toBe(200);
    expect(response.body.name).toBe('Tag Keeper Bakery & Cafe');
    expect(storedCompany(company.id)?.tags).toEqual({ merchantId: 'M-999002', region: 'uk', team: 'smb', consoleOperation: expect.any(String) });
  });

  it('patches tags, lets the merchantId field win, and accepts a whole react-admin record', async () => {
    const { body: company } = await create({ name: 'Tag Patch Joinery', merchantId: 'M-999003', tags: { region: 'uk', team: 'smb' } });
    const edited = { ...company, merchantId: 'M-999004', description: 'Edited', tags: { ...company.tags, team: null, tier: 'gold' } };
    const response = await stack.json(`/api/companies/${company.id}`, { method: 'PUT', body: edited });
    expect(response.status).toBe(200);
    expect(storedCompany(company.id)?.tags).toEqual({ merchantId: 'M-999004', region: 'uk', tier: 'gold', consoleOperation: expect.any(String) });
    expect(response.body).toMatchObject({ merchantId: 'M-999004', description: 'Edited' });
  });

  it('removes the merchant id with null', async () => {
    const { body: company } = await create({ name: 'Merchantless Mill', merchantId: 'M-999005', tags: { region: 'ie' } });
    await stack.json(`/api/companies/${company.id}`, { method: 'PUT', body: { merchantId: null } });
    expect(storedCompany(company.id)?.tags).toEqual({ region: 'ie', consoleOperation: expect.any(String) });
  });

  it('refuses bad names and a mismatched id without changing anything', async () => {
    const id = F.noConnections.companyId;
    expect((await stack.json(`/api/companies/${id}`, { method: 'PUT', body: { name: 'Bad {name}' } })).status).toBe(400);
    expect((await stack.json(`/api/companies/${id}`, { method: 'PUT', body: { id: F.activeError.companyId } })).status).toBe(400);
    expect(storedCompany(id)?.name).toBe(F.noConnections.name);
  });

  it('answers 404 for an unknown company and 400 for a malformed id', async () => {
    expect((await stack.json('/api/companies/00000000-0000-4000-8000-000000000000', { method: 'PUT', body: {} })).status).toBe(404);
    expect((await stack.json('/api/companies/nope', { method: 'PUT', body: {} })).status).toBe(400);
  });
});

describe('GET and DELETE /api/companies/:id', () => {
  it('reads one company', async () => {
    const response = await stack.json(`/api/companies/${F.activeError.companyId}`);
    expect(response.body).toMatchObject({ id: F.activeError.companyId, name: F.activeError.name, activeErrorCount: 1, redirectAvailable: true });
    expect(JSON.stringify(response.body)).not.toMatch(/\/link|"redirect"|linkUrl/);
  });

  it('deletes and answers the deleted record', async () => {
    const { body: company } = await create({ name: 'Short Lived Ventures' });
    const response = await stack.json(`/api/companies/${company.id}`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: company.id, name: 'Short Lived Ventures' });
    expect(storedCompany(company.id)).toBeUndefined();
    expect((await stack.json(`/api/companies/${company.id}`)).status).toBe(404);
  });
});

import { DEMO_FIXTURES as F } from '@console/codat-emulator';
import simpleRestProvider from 'ra-data-simple-rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../../test/stack.js';

/** What ra-core's fetchUtils.HttpError carries: the status and the parsed body. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: any,
  ) {
    super(body?.error?.message ?? `HTTP ${status}`);
  }
}

let stack: Stack;
let provider: ReturnType<typeof simpleRestProvider>;

beforeAll(async () => {
  stack = await startStack();
  // react-admin's own data provider, with an httpClient shaped like fetchUtils.fetchJson over app.request.
  provider = simpleRestProvider('http://console.test/api', async (url: string, options: any = {}) => {
    const headers = new Headers(options.headers);
    if (options.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    const response = await stack.app.request(url, { method: options.method ?? 'GET', headers, body: options.body });
    const body = await response.text();
    const json = body ? JSON.parse(body) : undefined;
    if (response.status < 200 || response.status >= 300) throw new HttpError(response.status, json);
    return { status: response.status, headers: response.headers, body, json };
  });
});
afterAll(async () => {
  await stack.close();
});

describe('companies through ra-data-simple-rest', () => {
  it('getList pages, sorts and filters', async () => {
    const total = stack.emu.store.companies.size;
    const first = await provider.getList('companies', { pagination: { page: 1, perPage: 10 }, sort: { field: 'name', order: 'ASC' }, filter: {} });
    const second = await provider.getList('companies', { pagination: { page: 2, perPage: 10 }, sort: { field: 'name', order: 'ASC' }, filter: {} });
    expect(first.total).toBe(total);
    expect(first.data).toHaveLength(10);
    expect(second.data.map((c) => c.id)).not.toContain(first.data[0]!.id);
    expect(first.data[9]!.name.localeCompare(second.data[0]!.name, 'en', { sensitivity: 'base' })).toBeLessThanOrEqual(0);

    const searched = await provider.getList('companies', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'created', order: 'DESC' },
      filter: { q: F.duplicateCustomer.merchantId },
    });
    expect(searched.total).toBe(3);
    expect(searched.data.map((c) => c.id)).toEqual([...F.duplicateCustomer.companyIds].reverse());
  });

  it("getList works with react-admin's default sort (id)", async () => {
    const result = await provider.getList('companies', { pagination: { page: 1, perPage: 5 }, sort: { field: 'id', order: 'ASC' }, filter: { status: 'NoConnections' } });
    const ids = result.data.map((c) => c.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('getOne and getMany', async () => {
    const one = await provider.getOne('companies', { id: F.userCancelled.companyId });
    expect(one.data).toMatchObject({ id: F.userCancelled.companyId, name: F.userCancelled.name });
    const many = await provider.getMany('companies', { ids: [F.activeError.companyId, F.pendingBankFeed.companyId] });
    expect(many.data.map((c) => c.id).sort()).toEqual([F.activeError.companyId, F.pendingBankFeed.companyId].sort());
  });

  it('create answers a possible duplicate with 409 and creates with confirmNewCompany', async () => {
    const before = stack.emu.store.companies.size;
    const data = { name: F.duplicateCustomer.nearDuplicateName, merchantId: F.duplicateCustomer.merchantId };
    const refused = await provider.create('companies', { data }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).status).toBe(409);
    expect((refused as HttpError).body.error.details.candidates.length).toBeGreaterThanOrEqual(3);
    expect(stack.emu.store.companies.size).toBe(before);

    const created = await provider.create('companies', { data: { ...data, confirmNewCompany: { reason: 'Separate legal entity' } } });
    expect(created.data).toMatchObject({ name: data.name, merchantId: data.merchantId });
    expect(stack.emu.store.companies.size).toBe(before + 1);
  });

  it('update sends the whole record and keeps the tags', async () => {
    const { data: company } = await provider.create('companies', { data: { name: 'Provider Update Pottery', merchantId: 'M-999101', tags: { region: 'uk' } } });
    const { data } = await provider.update('companies', { id: company.id, data: { ...company, description: 'Now with a kiln' }, previousData: company });
    expect(data).toMatchObject({ id: company.id, description: 'Now with a kiln', tags: { merchantId: 'M-999101', region: 'uk' } });
  });

  it('delete answers the deleted record', async () => {
    const { data: company } = await provider.create('companies', { data: { name: 'Provider Delete Kayaks' } });
    const { data } = await provider.delete('companies', { id: company.id, previousData: company });
    expect(data).toMatchObject({ id: company.id, name: 'Provider Delete Kayaks' });
    expect(stack.emu.store.companies.has(company.id)).toBe(false);
  });
});

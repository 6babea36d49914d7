import { describe, expect, it } from 'vitest';
import { testEmulator } from '../support.js';
import { createCompany } from './fixtures.js';
import {
  expectResponseToMatchEachOas,
  expectResponseToMatchOas,
  inEveryDocument,
} from './oas/validator.js';

describe('listing and creating companies against the OAS', () => {
  it('list-companies 200: empty, paged with next/previous links, filtered', async () => {
    const { request, json } = testEmulator();
    const list = async (query = '') =>
      expectResponseToMatchEachOas(
        await request(`/companies${query}`),
        ...inEveryDocument('list-companies'),
      );
    expect((await list()).body).toMatchObject({ results: [], totalResults: 0 });

    for (const name of ['One', 'Two', 'Three']) await createCompany(json, name);
    expect((await list('?page=2&pageSize=1')).body).toMatchObject({
      pageNumber: 2,
      pageSize: 1,
      totalResults: 3,
      _links: { next: expect.any(Object), previous: expect.any(Object) },
    });
    expect((await list('?page=9')).body).toMatchObject({ results: [], totalResults: 3 });
    const filtered = await list(`?query=${encodeURIComponent('name=Two')}&orderBy=-created`);
    expect(filtered.body).toMatchObject({ totalResults: 1 });
    const tagged = await expectResponseToMatchOas(
      'platform',
      'list-companies',
      await request('/companies?tags=region%3Duk'),
    );
    expect(tagged.body).toMatchObject({ totalResults: 0 });
  });

  it('list-companies 400: malformed query, unknown property, out-of-range paging', async () => {
    const { request } = testEmulator();
    for (const query of [
      `query=${encodeURIComponent('name=x&&{id=y')}`,
      `query=${encodeURIComponent('nope=1')}`,
      `orderBy=nope`,
      'pageSize=5001',
      'page=0',
      'page=abc',
    ]) {
      const response = await request(`/companies?${query}`);
      const { status } = await expectResponseToMatchEachOas(
        response,
        ...inEveryDocument('list-companies'),
      );
      expect(status, query).toBe(400);
    }
  });

  it('create-company 200, with tags and a sanitised name', async () => {
    const { request } = testEmulator();
    const response = await request('/companies', {
      method: 'POST',
      body: { name: 'Bob (Burgers)', description: 'm-42', tags: { region: 'uk' } },
    });
    const { status, body } = await expectResponseToMatchEachOas(
      response,
      ...inEveryDocument('create-company'),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      name: 'Bob Burgers',
      tags: { region: 'uk' },
      dataConnections: [],
    });
  });

  it('create-company 400: bad JSON, no name, nothing left after sanitising, too many or too long tags', async () => {
    const { request } = testEmulator();
    const tooManyTags = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']));
    for (const body of [
      '{nope',
      {},
      { name: '' },
      { name: '(([]))' },
      { name: 'A', tags: tooManyTags },
      { name: 'A', tags: { k: 'v'.repeat(101) } },
    ]) {
      const response = await request('/companies', { method: 'POST', body });
      const { status } = await expectResponseToMatchEachOas(
        response,
        ...inEveryDocument('create-company'),
      );
      expect(status, JSON.stringify(body)).toBe(400);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { testEmulator } from '../../test/support.js';

describe('companies', () => {
  it('creates a company with a sanitised name and finds it by name and tag', async () => {
    const { json } = testEmulator();
    const created = await json('/companies', { method: 'POST', body: { name: 'Company (Codat[1])', tags: { uid: 'm-1' } } });
    expect(created.status).toBe(200);
    expect(created.body.name).toBe('Company Codat1');
    expect(created.body.platform).toBe('');
    expect(created.body.created).toMatch(/\.\d{7}Z$/);
    await json('/companies', { method: 'POST', body: { name: 'Other' } });

    const byName = await json(`/companies?query=${encodeURIComponent('name~codat')}`);
    expect(byName.body.totalResults).toBe(1);
    const byTag = await json(`/companies?tags=${encodeURIComponent('uid=m-1')}`);
    expect(byTag.body.results.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    const read = await json(`/companies/${created.body.id}`);
    expect(read.body.created).toMatch(/:\d\dZ$/);
  });

  it('PUT clears omitted tags, PATCH keeps them', async () => {
    const { json } = testEmulator();
    const { body: company } = await json('/companies', { method: 'POST', body: { name: 'Acme', tags: { uid: '1' } } });
    const patched = await json(`/companies/${company.id}`, { method: 'PATCH', body: { description: 'x' } });
    expect(patched.body.tags).toEqual({ uid: '1' });
    const replaced = await json(`/companies/${company.id}`, { method: 'PUT', body: { name: 'Acme' } });
    expect(replaced.body.tags).toBeUndefined();
  });

  it('answers bad input in Codat error shapes', async () => {
    const { json, request } = testEmulator();
    const malformed = await json('/companies', { method: 'POST', body: '{nope' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, canBeRetried: 'Unknown', detailedErrorCode: 0 });
    expect((await json('/companies?pageSize=5001')).status).toBe(400);
    expect((await json('/companies?query=name%3Dx%26%26%7Bid%3Dy')).body.error).toBe('Error parsing query - Malformed query.');
    expect((await json('/companies?query=foo%3D1')).body.error).toBe('Error parsing query - Could not resolve property foo on Company');
    expect((await json('/companies/not-a-uuid')).status).toBe(404);
    const unauthorised = await request('/companies', { headers: { Authorization: 'Basic d3Jvbmc=' } });
    expect(unauthorised.status).toBe(401);
    expect(await unauthorised.json()).toMatchObject({ statusCode: 401, service: 'PublicApi', error: 'Unauthorized' });
  });

  it('deletes with 204 and then 404s', async () => {
    const { json } = testEmulator();
    const { body: company } = await json('/companies', { method: 'POST', body: { name: 'Gone' } });
    expect((await json(`/companies/${company.id}`, { method: 'DELETE' })).status).toBe(204);
    const missing = await json(`/companies/${company.id}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe(`No company was found with ID ${company.id}`);
  });
});

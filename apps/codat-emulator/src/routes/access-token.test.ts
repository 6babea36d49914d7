import { describe, expect, it } from 'vitest';
import { testEmulator } from '../../test/support.js';

describe('company access token', () => {
  it('issues a one-day bearer token for an existing company', async () => {
    const { json } = testEmulator();
    const { body: company } = await json('/companies', { method: 'POST', body: { name: 'Tokens' } });
    const first = await json(`/companies/${company.id}/accessToken`);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ accessToken: expect.any(String), expiresIn: 86400, tokenType: 'Bearer' });
    const second = await json(`/companies/${company.id}/accessToken`);
    expect(second.body.accessToken).not.toBe(first.body.accessToken);
    expect((await json('/companies/846ed55c-974b-4392-a1f1-87b6fdbf3c5e/accessToken')).status).toBe(404);
  });

  it('answers the retired connectionManagement route with a bare NotFound', async () => {
    const { json } = testEmulator();
    const { body: company } = await json('/companies', { method: 'POST', body: { name: 'Old' } });
    const retired = await json(`/companies/${company.id}/connectionManagement/accessToken`);
    expect(retired.status).toBe(404);
    expect(retired.body).toMatchObject({ statusCode: 404, error: 'NotFound', service: 'PublicApi' });
  });

  it('requires the API key', async () => {
    const { request } = testEmulator();
    const response = await request('/companies/846ed55c-974b-4392-a1f1-87b6fdbf3c5e/accessToken', { headers: { Authorization: '' } });
    expect(response.status).toBe(401);
  });
});

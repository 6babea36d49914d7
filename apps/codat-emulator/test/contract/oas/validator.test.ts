import { describe, expect, it } from 'vitest';
import { loadOasDocument, oasDirectory } from './documents.js';
import { expectResponseToMatchOas } from './validator.js';

const json = (status: number, body: unknown, contentType = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });

const company = {
  id: '8e2c4a38-7c9d-4b66-9a0a-58b1a4bb3b0b',
  name: 'Acme',
  redirect: 'https://link.codat.io/company/8e2c4a38-7c9d-4b66-9a0a-58b1a4bb3b0b',
  created: '2022-11-10T10:45:18Z',
  dataConnections: [],
};
const connection = {
  id: '7baba7cc-4ae0-48fd-a617-98d55a6fc008',
  integrationId: '6b113e06-e818-45d7-977b-8e6bb3d01269',
  sourceId: '56e6575a-3f1f-4918-b009-f7535555f0d6',
  platformName: 'QuickBooks Online Bank Feeds',
  linkUrl: 'https://link-api.codat.io/companies/x/connections/y/start?otp=742271',
  status: 'PendingAuth',
  created: '2022-09-01T10:21:57.0807447Z',
  sourceType: 'BankFeed',
};

// The harness itself must be able to fail: these are bodies Codat's spec forbids.
describe('expectResponseToMatchOas', () => {
  it('reads the documents from ../shared/codat-oas or CODAT_OAS_DIR', () => {
    expect(oasDirectory()).toMatch(/codat-oas$/);
    expect(loadOasDocument('platform').operations.get('list-companies')?.path).toBe('/companies');
  });

  it('accepts a valid body and returns it parsed', async () => {
    const { body } = await expectResponseToMatchOas('platform', 'get-company', json(200, company));
    expect(body).toEqual(company);
  });

  it('accepts null where the spec says nullable (createdByUserName, dataConnectionErrors)', async () => {
    const body = {
      ...company,
      createdByUserName: null,
      dataConnections: [{ ...connection, dataConnectionErrors: null }],
    };
    await expectResponseToMatchOas('platform', 'get-company', json(200, body));
  });

  it('rejects schema violations with the instance path', async () => {
    const bad = { ...company, dataConnections: [{ ...connection, status: 'linked' }] };
    await expect(
      expectResponseToMatchOas('platform', 'get-company', json(200, bad)),
    ).rejects.toThrow(/\/dataConnections\/0\/status/);
    const extraKey = { ...company, dataConnections: [{ ...connection, companyId: company.id }] };
    await expect(
      expectResponseToMatchOas('platform', 'get-company', json(200, extraKey)),
    ).rejects.toThrow(/additional properties/);
    const { id: _id, ...noId } = company;
    await expect(
      expectResponseToMatchOas('platform', 'get-company', json(200, noId)),
    ).rejects.toThrow(/'id'/);
  });

  it('rejects undeclared statuses, non-JSON error bodies and bodies on empty responses', async () => {
    await expect(
      expectResponseToMatchOas('platform', 'create-connection', json(409, {})),
    ).rejects.toThrow(/status not declared/);
    await expect(
      expectResponseToMatchOas(
        'platform',
        'get-company',
        json(404, { statusCode: 404 }, 'text/plain'),
      ),
    ).rejects.toThrow(/content type/);
    await expect(
      expectResponseToMatchOas('platform', 'delete-connection', json(200, {})),
    ).rejects.toThrow(/no body/);
    await expect(
      expectResponseToMatchOas(
        'platform',
        'get-company',
        json(404, { statusCode: '404', canBeRetried: false }),
      ),
    ).rejects.toThrow(/\/statusCode[\s\S]*\/canBeRetried/);
  });

  it('follows references that point into #/paths (company id) and into bank-feed oneOf schemas', async () => {
    await expect(
      expectResponseToMatchOas(
        'platform',
        'get-company',
        json(200, { ...company, id: 'not-a-uuid' }),
      ),
    ).rejects.toThrow(/\/id: must match format "uuid"/);
    const v1 = { id: 'acc-1', accountName: null, accountType: 'Debit', status: 'pending' };
    await expectResponseToMatchOas('bankFeeds', 'list-source-accounts', json(200, [v1]));
    await expect(
      expectResponseToMatchOas(
        'bankFeeds',
        'list-source-accounts',
        json(200, [{ ...v1, status: 'Pending' }]),
      ),
    ).rejects.toThrow(/\/0\/status/);
  });
});

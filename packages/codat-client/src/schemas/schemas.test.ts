import { describe, expect, it } from 'vitest';
import { parseCodatDate } from '../dates.js';
import { sourceAccountV1Schema } from './bank-feeds.js';
import { pageOf } from './common.js';
import { companySchema } from './companies.js';
import { connectionSchema } from './connections.js';
import { dataStatusesSchema, pullOperationSchema } from './data.js';
import { integrationSchema } from './integrations.js';

const connection = {
  id: '7baba7cc-4ae0-48fd-a617-98d55a6fc008',
  integrationId: '6b113e06-e818-45d7-977b-8e6bb3d01269',
  integrationKey: 'hcws',
  sourceId: '56e6575a-3f1f-4918-b009-f7535555f0d6',
  platformName: 'QuickBooks Online Bank Feeds',
  linkUrl: 'https://link-api.codat.io/companies/c/connections/7baba7cc/start?otp=742271',
  status: 'PendingAuth',
  created: '2022-09-01T10:21:57.0807447Z',
  sourceType: 'BankFeed',
};

const company = {
  id: 'ab12c58d-a678-4ebf-a159-ae99e1807bd0',
  name: 'Technicalium',
  redirect: 'https://link.codat.io/company/ab12c58d-a678-4ebf-a159-ae99e1807bd0',
  created: '2022-11-10T10:45:18.1950523Z',
};

describe('tolerant schemas', () => {
  it('keeps unknown enum values as strings', () => {
    const parsed = connectionSchema.parse({
      ...connection,
      status: 'Suspended',
      sourceType: 'Payroll',
    });
    expect(parsed.status).toBe('Suspended');
    expect(parsed.sourceType).toBe('Payroll');
    const pull = pullOperationSchema.parse({
      id: 'd',
      companyId: 'c',
      connectionId: 'n',
      dataType: 'newType',
      status: 'Throttled',
      requested: '2022-11-10T10:45:18Z',
      progress: 10,
      isCompleted: false,
      isErrored: false,
    });
    expect(pull).toMatchObject({ status: 'Throttled', dataType: 'newType' });
  });

  it('keeps unknown fields, at every level', () => {
    const parsed = companySchema.parse({
      ...company,
      ownerUserIds: [],
      brandNewField: { nested: true },
      dataConnections: [
        {
          ...connection,
          companyId: 'not in the spec',
          dataConnectionErrors: [{ statusCode: '403', extra: 1 }],
        },
      ],
    });
    expect(parsed.brandNewField).toEqual({ nested: true });
    expect(parsed.platform).toBeUndefined();
    expect(parsed.dataConnections?.[0]?.companyId).toBe('not in the spec');
    expect(parsed.dataConnections?.[0]?.dataConnectionErrors?.[0]?.extra).toBe(1);
  });

  it('accepts null wherever a field is optional', () => {
    const parsed = companySchema.parse({
      ...company,
      description: null,
      lastSync: null,
      created: null,
      createdByUserName: null,
      products: null,
      tags: null,
      referenceParentCompany: null,
      referenceSubsidiaryCompanies: null,
      dataConnections: [
        {
          ...connection,
          lastSync: null,
          dataConnectionErrors: null,
          connectionInfo: null,
          integrationKey: null,
        },
      ],
    });
    expect(parsed.lastSync).toBeNull();
    expect(
      sourceAccountV1Schema.parse({
        id: 'acc-1',
        accountName: null,
        balance: null,
        status: null,
        feedStartDate: null,
      }).status,
    ).toBeNull();
  });

  it('keeps every Codat date shape verbatim, and each one parses', () => {
    const shapes = [
      '2022-11-10T10:45:18.1950523Z',
      '2022-11-10T10:45:18Z',
      '2019-10-10T00:31:04.497225Z',
      '2022-01-01T12:00:00.000Z',
      '2023-05-10T08:40:26.0000000Z',
      '2023-09-12T00:00:00',
    ];
    for (const shape of shapes) {
      const parsed = companySchema.parse({ ...company, created: shape, lastSync: shape });
      expect(parsed.created).toBe(shape);
      expect(parseCodatDate(parsed.created)).toBeInstanceOf(Date);
    }
  });

  it('still requires the identity of a record', () => {
    expect(companySchema.safeParse({ name: 'no id', redirect: 'x' }).success).toBe(false);
    expect(connectionSchema.safeParse({ ...connection, status: 42 }).success).toBe(false);
    expect(pageOf(companySchema).safeParse({ results: [company] }).success).toBe(false);
  });

  it('accepts a dataStatus entry with only its data type, and null entries', () => {
    const parsed = dataStatusesSchema.parse({
      invoices: { dataType: 'invoices' },
      bills: null,
      customers: {
        dataType: 'customers',
        currentStatus: 'Complete',
        lastSuccessfulSync: '2023-09-12T00:00:00',
        latestSyncId: 'a',
        latestSuccessfulSyncId: 'a',
      },
    });
    expect(parsed.invoices?.currentStatus).toBeUndefined();
    expect(parsed.customers?.lastSuccessfulSync).toBe('2023-09-12T00:00:00');
  });

  it('keeps both spellings of datatypeFeatures[].datatype and undeclared integration fields', () => {
    const parsed = integrationSchema.parse({
      key: 'gbol',
      logoUrl: 'https://static.codat.io/public/platforms/gbol.png',
      name: 'Xero',
      enabled: true,
      supportedEnvironments: 'LiveAndSandbox',
      linkedConnectionsCount: 3,
      datatypeFeatures: [
        {
          datatype: 'invoices',
          supportedFeatures: [{ featureType: 'Get', featureState: 'Gamma' }],
        },
      ],
    });
    expect(parsed.datatypeFeatures?.[0]).toMatchObject({
      datatype: 'invoices',
      supportedFeatures: [{ featureState: 'Gamma' }],
    });
    expect(parsed.supportedEnvironments).toBe('LiveAndSandbox');
  });
});

import { describe, expect, it } from 'vitest';
import { toDataStatusRecords } from './to-record.js';

describe('toDataStatusRecords', () => {
  const companyId = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c05';

  it('tolerates a bare { dataType } entry and a null one, and sorts by data type', () => {
    const records = toDataStatusRecords(companyId, {
      invoices: { dataType: 'invoices', currentStatus: 'Fetching', latestSyncId: 'a' },
      bills: { dataType: 'bills' },
      customers: null,
    });
    expect(records).toEqual([
      { id: `${companyId}.bills`, companyId, dataType: 'bills', running: false },
      { id: `${companyId}.invoices`, companyId, dataType: 'invoices', currentStatus: 'Fetching', latestSyncId: 'a', running: true },
    ].map((record) => expect.objectContaining(record)));
    expect(records[0]!.currentStatus).toBeUndefined();
  });
});

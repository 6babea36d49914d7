import { describe, expect, it } from 'vitest';
import {
  isSourceAccountV2,
  sourceAccountBatchResultSchema,
  sourceAccountSchema,
  sourceAccountV2Schema,
} from './bank-feeds.js';

describe('source accounts', () => {
  const v1 = {
    id: 'acc-002',
    accountName: 'Business current',
    accountType: 'Debit',
    currency: 'GBP',
    balance: 12.5,
    status: 'connected',
    feedStartDate: '2023-01-09T14:56:43.773Z',
  };
  const v2 = {
    id: 'acc-003',
    accountName: 'Card',
    accountType: 'creditCard',
    accountNumber: '1234',
    currency: 'USD',
    balance: 0,
    routingInfo: { bankCode: '021000021', type: 'aba' },
    accountInfo: null,
    status: 'pending',
    feedStartDate: '2024-05-01',
  };

  it('accepts both shapes and tells them apart', () => {
    const [first, second] = [sourceAccountSchema.parse(v1), sourceAccountSchema.parse(v2)];
    expect(isSourceAccountV2(first)).toBe(false);
    expect(isSourceAccountV2(second)).toBe(true);
    expect(second.feedStartDate).toBe('2024-05-01');
    expect(sourceAccountV2Schema.safeParse(v1).success).toBe(false);
  });

  it('keeps an unknown account status', () => {
    expect(sourceAccountSchema.parse({ ...v2, status: 'suspended' }).status).toBe('suspended');
  });

  it('reads batch results with integer or string statusCode', () => {
    const ok = sourceAccountBatchResultSchema.parse({
      sourceAccountId: 'acc-003',
      result: { statusCode: 200, error: null, account: v2 },
    });
    const failed = sourceAccountBatchResultSchema.parse({
      sourceAccountId: 'acc-002',
      result: { statusCode: '409', error: 'A bank account already exists with the same Id' },
    });
    expect(ok.result.statusCode).toBe(200);
    expect(failed.result.statusCode).toBe('409');
    expect(failed.result.account).toBeUndefined();
  });
});

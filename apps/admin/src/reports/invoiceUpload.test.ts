import { describe, expect, it } from 'vitest';
import { idsInCsv } from './invoiceUpload';

describe('idsInCsv', () => {
  const company = '11111111-1111-4111-8111-111111111111';
  const connections = ['aaaaaaaa-1111-4111-8111-111111111111', 'bbbbbbbb-2222-4222-8222-222222222222'];
  const csv = `Company ID,"Connection id",amount\r\n${company},${connections[0]},1\r\n${company},${connections[1]!.toUpperCase()},1\r\n${company},${connections[0]},1\r\n`;

  it('reads the column named after the kind, lower-cased and once each', () => {
    expect(idsInCsv(csv, 'connections')).toEqual(connections);
    expect(idsInCsv(csv, 'companies')).toEqual([company]);
  });

  it('takes every id when no column is named after the kind', () => {
    expect(idsInCsv(`${connections[0]}\n${connections[1]}\n`, 'connections')).toEqual(connections);
    expect(idsInCsv('nothing here', 'companies')).toEqual([]);
  });
});

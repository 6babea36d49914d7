import { describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger.js';
import { csvLine, csvResponse, keysetBatches, neutraliseCell } from './csv.js';

const logger = createLogger('silent');

describe('CSV cells', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['Harbourside', 'Harbourside'],
    ['a=b', 'a=b'],
  ])('neutralises %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it('quotes what needs quoting and leaves numbers alone', () => {
    expect(csvLine(['O"Brien, Ltd', 'two\nlines', ' padded', -3, 1.5, null, undefined, true, new Date('2026-10-01T00:00:00Z')])).toBe(
      '"O""Brien, Ltd","two\nlines"," padded",-3,1.5,,,true,2026-10-01T00:00:00.000Z\r\n',
    );
    expect(csvLine(['=HYPERLINK("x")'])).toBe(`"'=HYPERLINK(""x"")"\r\n`);
  });
});

describe('csvResponse', () => {
  it('streams a BOM, the header and every batch', async () => {
    async function* batches() {
      yield [{ name: 'a', n: 1 }];
      yield [{ name: '=b', n: 2 }, { name: 'c', n: 3 }];
    }
    const response = csvResponse({ filename: 'error groups', columns: [{ header: 'name', value: (r: { name: string }) => r.name }, { header: 'n', value: (r: { n: number }) => r.n }], batches: batches(), logger });
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="error_groups.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe("name,n\r\na,1\r\n'=b,2\r\nc,3\r\n");
  });

  it('aborts the download when a batch fails', async () => {
    async function* batches() {
      yield [{ x: 1 }];
      throw new Error('database went away');
    }
    const response = csvResponse({ filename: 'x', columns: [{ header: 'x', value: (r: { x: number }) => r.x }], batches: batches(), logger });
    await expect(response.text()).rejects.toThrow('database went away');
  });
});

describe('keysetBatches', () => {
  it('walks a source in batches until a short one', async () => {
    const source = Array.from({ length: 7 }, (_, i) => i);
    const afters: (number | undefined)[] = [];
    const fetch = async (after: number | undefined, size: number) => {
      afters.push(after);
      return source.filter((n) => after === undefined || n > after).slice(0, size);
    };
    const seen: number[][] = [];
    for await (const batch of keysetBatches(fetch, (n) => n, 3)) seen.push(batch);
    expect(seen).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(afters).toEqual([undefined, 2, 5]);
  });

  it('reads the next batch while the current one is written out', async () => {
    const afters: (number | undefined)[] = [];
    const fetch = async (after: number | undefined) => {
      afters.push(after);
      return after === undefined ? [0, 1] : [2];
    };
    const batches = keysetBatches(fetch, (n) => n, 2);
    expect((await batches.next()).value).toEqual([0, 1]);
    expect(afters).toEqual([undefined, 1]);
  });

  it('a walk given up leaves the read ahead to fail unreported', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const batches = keysetBatches(async (after: number | undefined) => (after === undefined ? [0, 1] : Promise.reject(new Error('gone'))), (n) => n, 2);
      await batches.next();
      await batches.return();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});

import { parseCodatDate } from '@console/codat-client';

export type SortKind = 'text' | 'date';

/**
 * Sorts records the BFF holds in full (merged searches, one company's connections, the
 * integration list). Text compares case-insensitively; dates are Codat strings of any precision.
 * Records without a value sort last in either direction, as Codat's `orderBy` does.
 */
export function sortRecords<T>(
  records: readonly T[],
  value: (record: T) => string | null | undefined,
  kind: SortKind,
  order: 'ASC' | 'DESC',
): T[] {
  const direction = order === 'ASC' ? 1 : -1;
  const key = (record: T): string | number | undefined => {
    const raw = value(record);
    if (raw === null || raw === undefined || raw === '') return undefined;
    return kind === 'date' ? parseCodatDate(raw)?.getTime() : raw;
  };
  return [...records].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === y) return 0;
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    const difference = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en', { sensitivity: 'base' });
    return difference * direction;
  });
}

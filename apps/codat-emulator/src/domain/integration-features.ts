import type { SourceType } from '../store/types.js';
import { DATA_TYPES, supportsDataType, type DataType } from './data-types.js';

/** Types Codat can also write to accounting platforms; bank feeds receive bank transactions. */
const WRITABLE: Partial<Record<SourceType, ReadonlySet<DataType>>> = {
  Accounting: new Set<DataType>(['bills', 'billPayments', 'customers', 'invoices', 'journalEntries', 'payments', 'suppliers']),
  BankFeed: new Set<DataType>(['bankTransactions']),
};

/**
 * `datatypeFeatures` as real payloads spell it: lower-case `datatype` (what the schema's `required`
 * names). Readable types are exactly those pull operations accept for the source type.
 */
export function datatypeFeatures(sourceType: SourceType) {
  return DATA_TYPES.filter((dataType) => supportsDataType(sourceType, dataType)).map((datatype) => {
    const featureTypes = WRITABLE[sourceType]?.has(datatype) ? ['Get', 'Post'] : ['Get'];
    return {
      datatype,
      supportedFeatures: featureTypes.map((featureType) => ({ featureType, featureState: 'Release' })),
    };
  });
}

import { parseCodatDate, type Connection, type DataConnectionError } from '@console/codat-client';

/** A connection's `dataConnectionErrors` as the console shows them. */
export interface ConnectionErrorRecord {
  statusCode: string | null;
  statusText: string | null;
  errorMessage: string | null;
  erroredOnUtc: string | null;
  /** `Active`, `Resolved`, or null for errors Codat does not treat as transient. */
  status: string | null;
  resolvedOnUtc: string | null;
}

export function countActiveErrors(connection: Connection): number {
  return (connection.dataConnectionErrors ?? []).filter((error) => error.status === 'Active').length;
}

function toErrorRecord(error: DataConnectionError): ConnectionErrorRecord {
  return {
    statusCode: error.statusCode == null ? null : String(error.statusCode),
    statusText: error.statusText ?? null,
    errorMessage: error.errorMessage ?? null,
    erroredOnUtc: error.erroredOnUtc ?? null,
    status: error.status ?? null,
    resolvedOnUtc: error.resolvedOnUtc ?? null,
  };
}

const erroredMs = (error: ConnectionErrorRecord) => parseCodatDate(error.erroredOnUtc)?.getTime() ?? 0;

/** Active errors first, then newest first; the original date strings are kept. */
export function connectionErrorRecords(connection: Connection): ConnectionErrorRecord[] {
  return (connection.dataConnectionErrors ?? [])
    .map(toErrorRecord)
    .sort((a, b) => Number(b.status === 'Active') - Number(a.status === 'Active') || erroredMs(b) - erroredMs(a));
}

import type { OasTarget } from './oas/validator.js';

/** Ids that fill the path templates of the catalogued operations. */
export interface OperationIds {
  companyId: string;
  connectionId: string;
  datasetId: string;
  accountId: string;
}

/** One emulator operation and the OAS operations it implements (Platform and Bank Feeds overlap). */
export interface CatalogueEntry {
  method: string;
  path: (ids: OperationIds) => string;
  body?: unknown;
  targets: OasTarget[];
}

export const companyPath = ({ companyId }: OperationIds) => `/companies/${companyId}`;

export const connectionPath = (ids: OperationIds) =>
  `${companyPath(ids)}/connections/${ids.connectionId}`;

export function describeEntry(entry: CatalogueEntry): string {
  return `${entry.targets[0]![1]} (${entry.method})`;
}

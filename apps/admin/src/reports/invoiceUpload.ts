import { httpClient } from '../providers/httpClient';

const CODAT_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** The BFF takes at most 5,000 ids a request. */
const CHUNK = 5000;

/**
 * The billed ids in a CSV, once each, in file order: the column whose header names the kind
 * (`connectionId`, `Company ID`, …) when there is one, else every Codat id (UUID) in the file.
 */
export function idsInCsv(text: string, kind: 'connections' | 'companies'): string[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((cell) => cell.replace(/"/g, '').trim().toLowerCase());
  const column = header.findIndex((cell) => cell.includes(kind === 'connections' ? 'connection' : 'company'));
  const cells = column >= 0 ? lines.slice(1).map((line) => line.split(',')[column] ?? '') : [text];
  return [...new Set(cells.flatMap((cell) => cell.match(CODAT_ID) ?? []).map((id) => id.toLowerCase()))];
}

/** Replaces the month's invoice with the ids of a CSV Codat billed: the entry first, then the ids in chunks. */
export async function uploadInvoiceIds(base: string, kind: 'connections' | 'companies', text: string): Promise<number> {
  const ids = idsInCsv(text, kind);
  if (ids.length === 0) throw new Error('The file has no Codat ids (UUIDs) in it.');
  await httpClient(`${base}/invoice`, { method: 'PUT', body: JSON.stringify({ kind }) });
  for (let i = 0; i < ids.length; i += CHUNK) {
    await httpClient(`${base}/invoice/ids`, { method: 'POST', body: JSON.stringify({ ids: ids.slice(i, i + CHUNK) }) });
  }
  return ids.length;
}

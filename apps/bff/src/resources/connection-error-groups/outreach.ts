import type { CodatClient } from '@console/codat-client';
import type { Context } from 'hono';
import { withAudit } from '../../audit/index.js';
import type { CsvColumn } from '../../http/csv.js';
import { connectionLinkRefusal } from '../connections/link-policy.js';
import type { AffectedRow, GroupRow } from './queries.js';

/** A connection to reach out about: its company, platform, status and error. */
export interface OutreachSubject {
  companyId: string;
  companyName: string | null;
  merchantId: string | null;
  connectionId: string;
  connectionStatus: string | null;
  platformKey: string | null;
  platformName: string | null;
  error: string | null;
}

/** A connection with a fresh relink URL, or why it has none. */
export type OutreachRow = OutreachSubject & { relinkUrl: string | null; relinkNote: string | null };

/** Connections whose relink URL is fetched at once (each is one Codat call). */
const REVEALS_AT_ONCE = 8;

export function outreachColumns(withLinks: boolean): CsvColumn<OutreachRow>[] {
  return [
    { header: 'company', value: (r) => r.companyName },
    { header: 'companyId', value: (r) => r.companyId },
    { header: 'merchantId', value: (r) => r.merchantId },
    { header: 'platform', value: (r) => r.platformName ?? r.platformKey },
    { header: 'connectionId', value: (r) => r.connectionId },
    { header: 'status', value: (r) => r.connectionStatus },
    { header: 'error', value: (r) => r.error },
    ...(withLinks
      ? [
          { header: 'relinkUrl', value: (r: OutreachRow) => r.relinkUrl },
          { header: 'relinkNote', value: (r: OutreachRow) => r.relinkNote },
        ]
      : []),
  ];
}

/** One error in words: code and text, and Codat's message where it adds something. */
export function errorText(statusCode: string | null, statusText: string | null, message: string | null): string | null {
  const error = [statusCode, statusText].filter(Boolean).join(' ');
  if (!message || message === statusText) return error || null;
  return error ? `${error}: ${message}` : message;
}

/** A group's affected connections as outreach subjects: the group's platform and error on each. */
export async function* groupSubjects(group: GroupRow, batches: AsyncIterable<readonly AffectedRow[]>): AsyncGenerator<OutreachSubject[]> {
  for await (const batch of batches) {
    yield batch.map(({ errorId: _errorId, erroredOnUtc: _erroredOnUtc, errorMessage, ...row }) => ({
      ...row,
      platformKey: group.platformKey,
      platformName: group.platformName,
      error: errorText(group.statusCode, group.statusText, errorMessage),
    }));
  }
}

/**
 * Each connection's own Link URL, read fresh from Codat and audited as a single reveal is
 * (`link.reveal`, attempt then outcome), unless the link policy refuses it (Linked, Sage Bank Feeds).
 */
async function relink(c: Context, codat: CodatClient, via: string, row: OutreachSubject): Promise<OutreachRow> {
  const policy = (status: string | null) => connectionLinkRefusal({ platformKey: row.platformKey, status: status ?? '' });
  const known = policy(row.connectionStatus);
  if (known) return { ...row, relinkUrl: null, relinkNote: known };
  try {
    return await withAudit(c, 'link.reveal', { companyId: row.companyId, companyName: row.companyName ?? undefined, connectionId: row.connectionId }, async (draft) => {
      draft.details.kind = 'connection';
      draft.details.via = via;
      const connection = await codat.connections.get(row.companyId, row.connectionId);
      const refusal = policy(connection.status);
      if (refusal) return { ...row, connectionStatus: connection.status, relinkUrl: null, relinkNote: refusal };
      return { ...row, connectionStatus: connection.status, relinkUrl: connection.linkUrl, relinkNote: null };
    });
  } catch (error) {
    return { ...row, relinkUrl: null, relinkNote: `Could not read it from Codat: ${error instanceof Error ? error.message : 'unknown error'}` };
  }
}

/** The subjects, batch by batch, with relink URLs when the staff member may share links; `via` names the export in each reveal's audit entry. */
export async function* outreachBatches(
  c: Context,
  codat: CodatClient,
  via: string,
  batches: AsyncIterable<readonly OutreachSubject[]>,
  withLinks: boolean,
): AsyncGenerator<OutreachRow[]> {
  for await (const batch of batches) {
    if (!withLinks) {
      yield batch.map((row) => ({ ...row, relinkUrl: null, relinkNote: null }));
      continue;
    }
    const rows: OutreachRow[] = [];
    for (let i = 0; i < batch.length; i += REVEALS_AT_ONCE) {
      rows.push(...(await Promise.all(batch.slice(i, i + REVEALS_AT_ONCE).map((row) => relink(c, codat, via, row)))));
    }
    yield rows;
  }
}

import type { CodatClient } from '@console/codat-client';
import type { Context } from 'hono';
import { withAudit } from '../../audit/index.js';
import type { CsvColumn } from '../../http/csv.js';
import { connectionLinkRefusal } from '../connections/link-policy.js';
import type { AffectedRow, GroupRow } from './queries.js';

/** An affected connection with a fresh relink URL, or why it has none. */
export type OutreachRow = AffectedRow & { relinkUrl: string | null; relinkNote: string | null };

/** Connections whose relink URL is fetched at once (each is one Codat call). */
const REVEALS_AT_ONCE = 8;

export function outreachColumns(group: GroupRow, withLinks: boolean): CsvColumn<OutreachRow>[] {
  const error = [group.statusCode, group.statusText].filter(Boolean).join(' ');
  return [
    { header: 'company', value: (r) => r.companyName },
    { header: 'companyId', value: (r) => r.companyId },
    { header: 'merchantId', value: (r) => r.merchantId },
    { header: 'platform', value: () => group.platformName ?? group.platformKey },
    { header: 'connectionId', value: (r) => r.connectionId },
    { header: 'status', value: (r) => r.connectionStatus },
    { header: 'error', value: (r) => (r.errorMessage && r.errorMessage !== group.statusText ? `${error}: ${r.errorMessage}` : error) },
    ...(withLinks
      ? [
          { header: 'relinkUrl', value: (r: OutreachRow) => r.relinkUrl },
          { header: 'relinkNote', value: (r: OutreachRow) => r.relinkNote },
        ]
      : []),
  ];
}

/**
 * Each connection's own Link URL, read fresh from Codat and audited as a single reveal is
 * (`link.reveal`, attempt then outcome), unless the link policy refuses it (Linked, Sage Bank Feeds).
 */
async function relink(c: Context, codat: CodatClient, group: GroupRow, row: AffectedRow): Promise<OutreachRow> {
  const policy = (status: string | null) => connectionLinkRefusal({ platformKey: group.platformKey, status: status ?? '' });
  const known = policy(row.connectionStatus);
  if (known) return { ...row, relinkUrl: null, relinkNote: known };
  try {
    return await withAudit(c, 'link.reveal', { companyId: row.companyId, companyName: row.companyName ?? undefined, connectionId: row.connectionId }, async (draft) => {
      draft.details.kind = 'connection';
      draft.details.via = `error-group ${group.id} outreach export`;
      const connection = await codat.connections.get(row.companyId, row.connectionId);
      const refusal = policy(connection.status);
      if (refusal) return { ...row, connectionStatus: connection.status, relinkUrl: null, relinkNote: refusal };
      return { ...row, connectionStatus: connection.status, relinkUrl: connection.linkUrl, relinkNote: null };
    });
  } catch (error) {
    return { ...row, relinkUrl: null, relinkNote: `Could not read it from Codat: ${error instanceof Error ? error.message : 'unknown error'}` };
  }
}

/** The affected rows, batch by batch, with relink URLs when the staff member may share links. */
export async function* outreachBatches(
  c: Context,
  codat: CodatClient,
  group: GroupRow,
  batches: AsyncIterable<readonly AffectedRow[]>,
  withLinks: boolean,
): AsyncGenerator<OutreachRow[]> {
  for await (const batch of batches) {
    if (!withLinks) {
      yield batch.map((row) => ({ ...row, relinkUrl: null, relinkNote: null }));
      continue;
    }
    const rows: OutreachRow[] = [];
    for (let i = 0; i < batch.length; i += REVEALS_AT_ONCE) {
      rows.push(...(await Promise.all(batch.slice(i, i + REVEALS_AT_ONCE).map((row) => relink(c, codat, group, row)))));
    }
    yield rows;
  }
}

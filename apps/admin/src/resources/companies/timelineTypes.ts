import type { NoteRecord } from '../connection-error-groups/types';

/** GET /api/companies/:id/timeline (apps/bff/src/mirror/timeline/schemas.ts). */
export interface TimelineEntry {
  id: number;
  kind: 'company.created' | 'company.deleted' | 'connection.created' | 'connection.status' | 'connection.deleted' | 'error.appeared' | 'error.resolved' | string;
  occurredAt: string;
  seenAt: string;
  source: string;
  connectionId: string | null;
  platformKey: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  statusCode: string | null;
  statusText: string | null;
  errorMessage: string | null;
  errorGroupId: string | null;
  flags: string[];
}

export interface TimelineConnection {
  id: string;
  platformKey: string | null;
  platformName: string;
  sourceType: string;
  status: string;
  deleted: boolean;
  firstSeenAt: string;
  statusChangedAt: string;
  notes: NoteRecord[];
}

export interface Timeline {
  companyId: string;
  companyName: string;
  deleted: boolean;
  refreshedAt: string | null;
  retentionMonths: number;
  total: number;
  entries: TimelineEntry[];
  connections: TimelineConnection[];
  errorGroupNotes: Record<string, NoteRecord[]>;
}

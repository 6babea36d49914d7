/**
 * The fleet mirror's vocabulary: what the console observed in Codat (a page of companies, a
 * webhook), what it already holds, and the writes and change records a diff of the two produces.
 */

export interface ObservedError {
  /** Codat gives errors no id: status code, status text and the time it happened identify one. */
  fingerprint: string;
  /** Platform + status code + status text, for grouping across the fleet. */
  groupId: string;
  statusCode: string | null;
  statusText: string | null;
  errorMessage: string | null;
  erroredOnUtc: string | null;
  erroredAt: Date | null;
  /** Codat's `Active` / `Resolved`, or null for errors it does not treat as transient. */
  status: string | null;
  resolvedOnUtc: string | null;
  resolvedAt: Date | null;
  /** See `isActiveError`. */
  active: boolean;
}

export interface ObservedConnection {
  id: string;
  companyId: string;
  integrationId: string;
  platformKey: string | null;
  platformName: string;
  sourceType: string;
  status: string;
  created: string | null;
  createdAt: Date | null;
  lastSync: string | null;
  sandbox: boolean;
  errors: ObservedError[];
}

export interface ObservedCompany {
  id: string;
  name: string;
  nameNormalised: string;
  description: string | null;
  merchantId: string | null;
  tags: Record<string, string>;
  /** Undefined when the source (a webhook's `referenceCompany`) does not carry it: keep what is stored. */
  created?: string | null;
  createdAt?: Date | null;
  lastSync?: string | null;
  lastSyncAt?: Date | null;
}

/**
 * One observation: companies, their connections, and which companies' connection lists are
 * complete (a page of `GET /companies` embeds them all; a connection webhook carries one).
 */
export interface Observation {
  companies: ObservedCompany[];
  connections: ObservedConnection[];
  completeCompanyIds: ReadonlySet<string>;
  /** When Codat's answer or event was produced. */
  observedAt: Date;
}

export interface StoredCompany {
  id: string;
  name: string;
  description: string | null;
  merchantId: string | null;
  tags: Record<string, string>;
  created: string | null;
  lastSync: string | null;
  deleted: boolean;
}

export interface StoredConnection {
  id: string;
  companyId: string;
  integrationId: string;
  platformKey: string | null;
  platformName: string;
  sourceType: string;
  status: string;
  lastSync: string | null;
  deleted: boolean;
  /** When the stored state was observed; older observations do not overwrite it. */
  observedAt: Date;
}

export interface StoredError {
  connectionId: string;
  fingerprint: string;
  status: string | null;
  active: boolean;
  /** No longer listed by Codat. */
  gone: boolean;
}

/** What the mirror holds for a set of companies (deleted ones included). */
export interface StoredState {
  companies: ReadonlyMap<string, StoredCompany>;
  /** Connections of those companies, and any connection asked for by id. */
  connections: ReadonlyMap<string, StoredConnection>;
  /** connection id → fingerprint → error. */
  errors: ReadonlyMap<string, ReadonlyMap<string, StoredError>>;
}

export const CHANGE_KINDS = [
  'company.created',
  'company.deleted',
  'connection.created',
  'connection.status',
  'connection.deleted',
  'error.appeared',
  'error.resolved',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface MirrorChange {
  kind: ChangeKind;
  companyId: string;
  connectionId: string | null;
  platformKey: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  /** Codat's own time when it gives one (created, erroredOnUtc, resolvedOnUtc, event date); else when first seen. */
  occurredAt: Date;
  /** Error fields, or flags such as `vanished`, `withCompany`, `existedBeforeMirror`. */
  detail: Record<string, unknown> | null;
}

export interface ErrorUpdate {
  connectionId: string;
  fingerprint: string;
  status: string | null;
  resolvedOnUtc: string | null;
  resolvedAt: Date | null;
  active: boolean;
  gone: boolean;
}

export interface NewError extends ObservedError {
  connectionId: string;
  companyId: string;
  platformKey: string | null;
}

/** Everything one observation changes in the mirror. */
export interface MirrorWrite {
  /** When Codat produced what was observed; stored rows remember it (see StoredConnection). */
  observedAt: Date;
  /** New, changed or reappearing companies. */
  companies: ObservedCompany[];
  deletedCompanyIds: string[];
  /** New or changed connections. */
  connections: ObservedConnection[];
  deletedConnectionIds: string[];
  newErrors: NewError[];
  updatedErrors: ErrorUpdate[];
  changes: MirrorChange[];
}

/** Whether a write changes nothing. */
export function writesNothing(write: MirrorWrite): boolean {
  const { observedAt: _, ...parts } = write;
  return Object.values(parts).every((part) => part.length === 0);
}

export function emptyWrite(observedAt: Date): MirrorWrite {
  return { observedAt, companies: [], deletedCompanyIds: [], connections: [], deletedConnectionIds: [], newErrors: [], updatedErrors: [], changes: [] };
}

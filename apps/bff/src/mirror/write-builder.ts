import {
  emptyWrite,
  type MirrorChange,
  type MirrorWrite,
  type ObservedCompany,
  type ObservedConnection,
  type ObservedError,
  type StoredCompany,
  type StoredConnection,
  type StoredError,
  type StoredState,
} from './model.js';

export interface DiffOptions {
  /** The mirror has never completed a sync: what is found already existed, and is marked so. */
  baseline: boolean;
}

const sameTags = (a: Record<string, string>, b: Record<string, string>) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
};

function companyChanged(stored: StoredCompany, observed: ObservedCompany): boolean {
  return (
    stored.deleted ||
    stored.name !== observed.name ||
    stored.description !== observed.description ||
    stored.merchantId !== observed.merchantId ||
    !sameTags(stored.tags, observed.tags) ||
    (observed.created !== undefined && stored.created !== observed.created) ||
    (observed.lastSync !== undefined && stored.lastSync !== observed.lastSync)
  );
}

function connectionChanged(stored: StoredConnection, observed: ObservedConnection): boolean {
  return (
    stored.deleted ||
    stored.status !== observed.status ||
    stored.lastSync !== observed.lastSync ||
    stored.platformKey !== observed.platformKey ||
    stored.platformName !== observed.platformName ||
    stored.sourceType !== observed.sourceType ||
    stored.integrationId !== observed.integrationId
  );
}

const errorDetail = (error: ObservedError) => ({
  statusCode: error.statusCode,
  statusText: error.statusText,
  errorMessage: error.errorMessage,
  groupId: error.groupId,
});

/** Builds the write for one observation against what the mirror holds (see diff.ts). */
export class WriteBuilder {
  readonly write: MirrorWrite;

  constructor(
    private readonly state: StoredState,
    private readonly at: Date,
    private readonly options: DiffOptions,
  ) {
    this.write = emptyWrite(at);
  }

  private change(change: Omit<MirrorChange, 'occurredAt' | 'detail'> & Partial<Pick<MirrorChange, 'occurredAt' | 'detail'>>): void {
    this.write.changes.push({ occurredAt: this.at, detail: null, ...change });
  }

  private created(detail: Record<string, unknown> = {}): Record<string, unknown> | null {
    const flagged = this.options.baseline ? { ...detail, existedBeforeMirror: true } : detail;
    return Object.keys(flagged).length > 0 ? flagged : null;
  }

  company(observed: ObservedCompany): void {
    const stored = this.state.companies.get(observed.id);
    // A connection event's `referenceCompany` only fills in a company the mirror lacks: it may be
    // older than what is stored, and carries no dates to tell. Syncs and company events update it.
    const partial = observed.created === undefined;
    if (stored && ((partial && !stored.deleted) || !companyChanged(stored, observed))) return;
    this.write.companies.push(observed);
    if (!stored || stored.deleted) {
      this.change({
        kind: 'company.created',
        companyId: observed.id,
        connectionId: null,
        platformKey: null,
        fromStatus: null,
        toStatus: null,
        occurredAt: stored?.deleted ? this.at : (observed.createdAt ?? this.at),
        detail: stored?.deleted ? { reappeared: true } : this.created(),
      });
    }
  }

  connection(observed: ObservedConnection): void {
    const stored = this.state.connections.get(observed.id);
    // A webhook older than what a sync (or a later webhook) already recorded changes nothing.
    if (stored && !stored.deleted && stored.observedAt > this.at) return;
    const base = { companyId: observed.companyId, connectionId: observed.id, platformKey: observed.platformKey };
    if (!stored || stored.deleted) {
      this.write.connections.push(observed);
      this.change({ ...base, kind: 'connection.created', fromStatus: null, toStatus: observed.status, occurredAt: stored ? this.at : (observed.createdAt ?? this.at), detail: this.created() });
    } else if (connectionChanged(stored, observed)) {
      this.write.connections.push(observed);
      if (stored.status !== observed.status) {
        this.change({ ...base, kind: 'connection.status', fromStatus: stored.status, toStatus: observed.status });
      }
    }
    this.errors(observed, this.state.errors.get(observed.id) ?? new Map<string, StoredError>());
  }

  private errors(connection: ObservedConnection, stored: ReadonlyMap<string, StoredError>): void {
    const base = { companyId: connection.companyId, connectionId: connection.id, platformKey: connection.platformKey, fromStatus: null, toStatus: null };
    const listed = new Set<string>();
    for (const error of connection.errors) {
      listed.add(error.fingerprint);
      const previous = stored.get(error.fingerprint);
      const detail = errorDetail(error);
      if (!previous) {
        this.write.newErrors.push({ ...error, connectionId: connection.id, companyId: connection.companyId, platformKey: connection.platformKey });
        this.change({ ...base, kind: 'error.appeared', occurredAt: error.erroredAt ?? this.at, detail: this.created(detail) });
        if (error.status === 'Resolved') this.change({ ...base, kind: 'error.resolved', occurredAt: error.resolvedAt ?? this.at, detail: this.created(detail) });
        continue;
      }
      if (previous.active === error.active && previous.status === error.status && !previous.gone) continue;
      this.write.updatedErrors.push({
        connectionId: connection.id,
        fingerprint: error.fingerprint,
        status: error.status,
        resolvedOnUtc: error.resolvedOnUtc,
        resolvedAt: error.resolvedAt,
        active: error.active,
        gone: false,
      });
      if (previous.active && !error.active) this.change({ ...base, kind: 'error.resolved', occurredAt: error.resolvedAt ?? this.at, detail });
      if (!previous.active && error.active) this.change({ ...base, kind: 'error.appeared', detail: { ...detail, reopened: true } });
    }
    for (const previous of stored.values()) {
      if (listed.has(previous.fingerprint) || previous.gone) continue;
      this.write.updatedErrors.push({
        connectionId: connection.id,
        fingerprint: previous.fingerprint,
        status: previous.status,
        resolvedOnUtc: null,
        resolvedAt: null,
        active: false,
        gone: true,
      });
      if (previous.active) this.change({ ...base, kind: 'error.resolved', detail: { vanished: true } });
    }
  }

  connectionDeleted(stored: StoredConnection, detail: Record<string, unknown> | null = null): void {
    if (stored.deleted) return;
    this.write.deletedConnectionIds.push(stored.id);
    this.change({
      kind: 'connection.deleted',
      companyId: stored.companyId,
      connectionId: stored.id,
      platformKey: stored.platformKey,
      fromStatus: stored.status,
      toStatus: null,
      detail,
    });
  }

  companyDeleted(stored: StoredCompany, connections: readonly StoredConnection[]): void {
    if (stored.deleted) return;
    this.write.deletedCompanyIds.push(stored.id);
    this.change({ kind: 'company.deleted', companyId: stored.id, connectionId: null, platformKey: null, fromStatus: null, toStatus: null });
    for (const connection of connections) this.connectionDeleted(connection, { withCompany: true });
  }
}


import type { Company, Connection } from '@console/codat-client';
import { describe, expect, it } from 'vitest';
import { diffDeletedCompanies, diffDeletedConnection, diffObservation } from './diff.js';
import type { MirrorWrite, Observation, StoredConnection, StoredError, StoredState } from './model.js';
import { errorGroupId, observeCompany, observeConnection } from './observe.js';

const COMPANY = '3f6c1d2a-8b4e-4f71-9c2d-5a1e7b9d0c11';
const CONNECTION = '8e2a4b6c-1d3f-4a5b-8c7d-9e0f1a2b3c41';
const T0 = new Date('2026-10-01T10:00:00Z');
const T1 = new Date('2026-10-02T10:00:00Z');

const deauthorizedError = { statusCode: '401', statusText: 'The integration de-authorized access to the connection.', errorMessage: 'Revoked', erroredOnUtc: '2026-10-01T09:00:00Z' };

function connection(overrides: Partial<Connection> = {}): Connection {
  return {
    id: CONNECTION,
    integrationId: 'i-1',
    integrationKey: 'gbol',
    sourceId: 's-1',
    sourceType: 'Accounting',
    platformName: 'Xero',
    linkUrl: 'https://link.example/secret',
    status: 'Linked',
    created: '2026-09-01T08:00:00Z',
    ...overrides,
  };
}

function company(connections: Connection[], overrides: Partial<Company> = {}): Company {
  return { id: COMPANY, name: 'Harbourside Coffee Ltd', redirect: 'https://link.example/c', created: '2026-08-01T00:00:00Z', tags: { merchantId: 'M-1' }, dataConnections: connections, ...overrides };
}

function observe(companies: Company[], at: Date): Observation {
  return {
    companies: companies.map((c) => observeCompany(c, 'merchantId')),
    connections: companies.flatMap((c) => (c.dataConnections ?? []).map((k) => observeConnection(k, c.id, (x) => x.integrationKey ?? null))),
    completeCompanyIds: new Set(companies.map((c) => c.id)),
    observedAt: at,
  };
}

const EMPTY: StoredState = { companies: new Map(), connections: new Map(), errors: new Map() };

/** What a store would hold after `write` (enough for the next diff). */
function apply(state: StoredState, write: MirrorWrite, at: Date): StoredState {
  const companies = new Map(state.companies);
  const connections = new Map(state.connections);
  const errors = new Map([...state.errors].map(([id, byFingerprint]) => [id, new Map(byFingerprint)]));
  for (const c of write.companies) companies.set(c.id, { ...c, created: c.created ?? null, lastSync: c.lastSync ?? null, deleted: false });
  for (const id of write.deletedCompanyIds) companies.set(id, { ...companies.get(id)!, deleted: true });
  for (const k of write.connections) connections.set(k.id, { ...k, deleted: false, observedAt: at });
  for (const id of write.deletedConnectionIds) connections.set(id, { ...connections.get(id)!, deleted: true });
  for (const e of write.newErrors) {
    if (!errors.has(e.connectionId)) errors.set(e.connectionId, new Map());
    errors.get(e.connectionId)!.set(e.fingerprint, { connectionId: e.connectionId, fingerprint: e.fingerprint, status: e.status, active: e.active, gone: false });
  }
  for (const u of write.updatedErrors) errors.get(u.connectionId)!.set(u.fingerprint, { ...u } as StoredError);
  return { companies, connections, errors };
}

const kinds = (write: MirrorWrite) => write.changes.map((change) => change.kind);

describe('diffObservation', () => {
  it('records a first load as created, with Codat’s own dates and the baseline flag', () => {
    const resolved = { statusCode: '429', statusText: 'Too Many Requests', erroredOnUtc: '2026-09-10T00:00:00Z', status: 'Resolved', resolvedOnUtc: '2026-09-11T00:00:00Z' };
    const write = diffObservation(EMPTY, observe([company([connection({ dataConnectionErrors: [resolved] })])], T0), { baseline: true });
    expect(kinds(write)).toEqual(['company.created', 'connection.created', 'error.appeared', 'error.resolved']);
    expect(write.changes[0]).toMatchObject({ occurredAt: new Date('2026-08-01T00:00:00Z'), detail: { existedBeforeMirror: true } });
    expect(write.changes[1]).toMatchObject({ toStatus: 'Linked', occurredAt: new Date('2026-09-01T08:00:00Z') });
    expect(write.changes[3]!.occurredAt).toEqual(new Date('2026-09-11T00:00:00Z'));
    expect(write.newErrors[0]).toMatchObject({ active: false, groupId: errorGroupId('gbol', '429', 'Too Many Requests') });
  });

  it('finds nothing to write when nothing changed', () => {
    const observation = observe([company([connection()])], T0);
    const state = apply(EMPTY, diffObservation(EMPTY, observation, { baseline: true }), T0);
    const again = diffObservation(state, observe([company([connection()])], T1), { baseline: false });
    expect(again).toMatchObject({ companies: [], connections: [], newErrors: [], updatedErrors: [], changes: [] });
  });

  it('records a deauthorization, then the error resolving when the customer links again', () => {
    let state = apply(EMPTY, diffObservation(EMPTY, observe([company([connection()])], T0), { baseline: true }), T0);
    const deauthorized = diffObservation(state, observe([company([connection({ status: 'Deauthorized', dataConnectionErrors: [{ ...deauthorizedError, status: 'Active' }] })])], T1), { baseline: false });
    expect(kinds(deauthorized)).toEqual(['connection.status', 'error.appeared']);
    expect(deauthorized.changes[0]).toMatchObject({ fromStatus: 'Linked', toStatus: 'Deauthorized', occurredAt: T1, detail: null });
    expect(deauthorized.changes[1]).toMatchObject({ occurredAt: new Date(deauthorizedError.erroredOnUtc), detail: { statusCode: '401' } });
    state = apply(state, deauthorized, T1);

    const T2 = new Date('2026-10-03T00:00:00Z');
    const relinked = diffObservation(
      state,
      observe([company([connection({ dataConnectionErrors: [{ ...deauthorizedError, status: 'Resolved', resolvedOnUtc: '2026-10-02T12:00:00Z' }] })])], T2),
      { baseline: false },
    );
    expect(kinds(relinked)).toEqual(['connection.status', 'error.resolved']);
    expect(relinked.changes[1]!.occurredAt).toEqual(new Date('2026-10-02T12:00:00Z'));
    expect(relinked.updatedErrors).toEqual([expect.objectContaining({ active: false, status: 'Resolved', gone: false })]);
  });

  it('treats an error without a status as active until its connection is Linked', () => {
    const plain = { statusCode: '500', statusText: 'Unknown', erroredOnUtc: '2026-09-30T00:00:00Z' };
    const first = diffObservation(EMPTY, observe([company([connection({ status: 'PendingAuth', dataConnectionErrors: [plain] })])], T0), { baseline: false });
    expect(first.newErrors[0]!.active).toBe(true);
    const state = apply(EMPTY, first, T0);
    const linked = diffObservation(state, observe([company([connection({ dataConnectionErrors: [plain] })])], T1), { baseline: false });
    expect(kinds(linked)).toEqual(['connection.status', 'error.resolved']);
  });

  it('resolves an active error that Codat stops listing', () => {
    const state = apply(EMPTY, diffObservation(EMPTY, observe([company([connection({ status: 'Deauthorized', dataConnectionErrors: [{ ...deauthorizedError, status: 'Active' }] })])], T0), { baseline: false }), T0);
    const write = diffObservation(state, observe([company([connection({ status: 'Deauthorized' })])], T1), { baseline: false });
    expect(write.changes).toEqual([expect.objectContaining({ kind: 'error.resolved', detail: { vanished: true } })]);
    expect(write.updatedErrors[0]).toMatchObject({ gone: true, active: false });
  });

  it('deletes connections missing from a complete list only', () => {
    const state = apply(EMPTY, diffObservation(EMPTY, observe([company([connection()])], T0), { baseline: false }), T0);
    const complete = diffObservation(state, observe([company([])], T1), { baseline: false });
    expect(complete.deletedConnectionIds).toEqual([CONNECTION]);
    expect(complete.changes).toEqual([expect.objectContaining({ kind: 'connection.deleted', fromStatus: 'Linked' })]);
    const partial = diffObservation(state, { ...observe([company([])], T1), completeCompanyIds: new Set() }, { baseline: false });
    expect(partial.deletedConnectionIds).toEqual([]);
  });

  it('ignores an observation older than what is stored', () => {
    const state = apply(EMPTY, diffObservation(EMPTY, observe([company([connection()])], T1), { baseline: false }), T1);
    const stale = diffObservation(state, observe([company([connection({ status: 'Deauthorized' })])], T0), { baseline: false });
    expect(stale.connections).toEqual([]);
    expect(stale.changes).toEqual([]);
  });

  it('records a company that comes back after being marked deleted', () => {
    let state = apply(EMPTY, diffObservation(EMPTY, observe([company([])], T0), { baseline: false }), T0);
    state = apply(state, diffDeletedCompanies(state, [COMPANY], T0), T0);
    const back = diffObservation(state, observe([company([])], T1), { baseline: false });
    expect(back.changes).toEqual([expect.objectContaining({ kind: 'company.created', detail: { reappeared: true }, occurredAt: T1 })]);
  });
});

describe('connection events', () => {
  it("use the referenceCompany only to fill in a company the mirror lacks", async () => {
    const { observeReferenceCompany } = await import('./observe.js');
    const reference = observeReferenceCompany({ id: COMPANY, name: 'Old Name' }, 'merchantId');
    const event = (state: StoredState) =>
      diffObservation(state, { companies: [reference], connections: [observeConnection(connection(), COMPANY, () => 'gbol')], completeCompanyIds: new Set(), observedAt: T1 }, { baseline: false });
    expect(kinds(event(EMPTY))).toEqual(['company.created', 'connection.created']);
    const known = apply(EMPTY, diffObservation(EMPTY, observe([company([])], T0), { baseline: false }), T0);
    const write = event(known);
    expect(write.companies).toEqual([]);
    expect(kinds(write)).toEqual(['connection.created']);
  });
});

describe('deletions', () => {
  it('deletes a company with its connections, once', () => {
    const state = apply(EMPTY, diffObservation(EMPTY, observe([company([connection()])], T0), { baseline: false }), T0);
    const write = diffDeletedCompanies(state, [COMPANY, '00000000-0000-4000-8000-000000000000'], T1);
    expect(kinds(write)).toEqual(['company.deleted', 'connection.deleted']);
    expect(write.changes[1]!.detail).toEqual({ withCompany: true });
    expect(diffDeletedCompanies(apply(state, write, T1), [COMPANY], T1).changes).toEqual([]);
  });

  it('deletes one connection unless the stored state is newer', () => {
    const state = apply(EMPTY, diffObservation(EMPTY, observe([company([connection()])], T1), { baseline: false }), T1);
    expect(diffDeletedConnection(state, CONNECTION, T0).deletedConnectionIds).toEqual([]);
    expect(diffDeletedConnection(state, CONNECTION, new Date('2026-10-05T00:00:00Z')).deletedConnectionIds).toEqual([CONNECTION]);
    expect((state.connections.get(CONNECTION) as StoredConnection).observedAt).toEqual(T1);
  });
});

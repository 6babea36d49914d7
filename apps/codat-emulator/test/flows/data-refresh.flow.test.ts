import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Company, Connection, DataStatus, Paged, PullOperation } from './codat-json.js';
import { pollUntil, startFlowEmulator, type FlowEmulator } from './support.js';

// Seed: the banking implementation guide and "Connection management" — queue a refresh of one
// data type, follow it in the sync history, then read data status and last-sync times.
describe('refreshing a data type over HTTP', () => {
  let emulator: FlowEmulator;
  beforeEach(async () => {
    emulator = await startFlowEmulator({ syncStepMs: 40 });
  });
  afterEach(() => emulator.close());

  it('queues, polls the pull operation to Complete, then dataStatus and lastSync move', async () => {
    const { api } = emulator;
    const company = (
      await api<Company>('/companies', { method: 'POST', body: { name: 'Refresh Co' } })
    ).body;
    const base = `/companies/${company.id}`;
    const connection = (
      await api<Connection>(`${base}/connections`, {
        method: 'POST',
        body: { platformKey: 'gbol' },
      })
    ).body;
    // Token migration links the connection without Codat's automatic first fetch.
    const linked = await api<Connection>(`${base}/connections/${connection.id}/authorization`, {
      method: 'PUT',
      body: { accessToken: 'migrated' },
    });
    expect(linked.body).toMatchObject({ status: 'Linked' });
    expect(linked.body.lastSync).toBeUndefined();
    expect((await api<Company>(base)).body.lastSync).toBeUndefined();

    const queued = await api<PullOperation>(`${base}/data/queue/invoices`, { method: 'POST' });
    expect(queued.status).toBe(200);
    expect(queued.body).toMatchObject({
      dataType: 'invoices',
      connectionId: connection.id,
      status: 'Queued',
      isCompleted: false,
    });

    const statuses = new Set<string>([queued.body.status]);
    const done = await pollUntil(
      () => api<PullOperation>(`${base}/data/history/${queued.body.id}`),
      ({ body }) => {
        statuses.add(body.status);
        return body.status === 'Complete';
      },
    );
    expect(done.body).toMatchObject({
      isCompleted: true,
      progress: 100,
      completed: expect.any(String),
    });
    expect([...statuses]).toEqual(expect.arrayContaining(['Queued', 'Complete']));

    const dataStatus = (await api<Record<string, DataStatus>>(`${base}/dataStatus`)).body;
    expect(dataStatus.invoices).toEqual({
      dataType: 'invoices',
      currentStatus: 'Complete',
      lastSuccessfulSync: done.body.completed,
      latestSyncId: queued.body.id,
      latestSuccessfulSyncId: queued.body.id,
    });
    const history = (await api<Paged<PullOperation>>(`${base}/data/history`)).body;
    expect(history.results.map((operation) => operation.id)).toContain(queued.body.id);

    const refreshedCompany = (await api<Company>(base)).body;
    expect(refreshedCompany.lastSync).toBe(done.body.completed);
    expect(refreshedCompany.dataConnections[0]?.lastSync).toBe(done.body.completed);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PULL_OUTCOMES } from '../../src/domain/pull-lifecycle.js';
import { queuePullOperation } from '../../src/domain/pull-operations.js';
import { UNKNOWN_ID } from './fixtures.js';
import { expectSdkErrorMessage, startSdkEmulator, type SdkEmulator } from './sdk.js';

const STEP_MS = 1_000;

describe('refresh data, data status and pull operations through the official SDK', () => {
  let running: SdkEmulator;
  let companyId: string;
  let connectionId: string;
  beforeAll(async () => {
    running = await startSdkEmulator({ syncStepMs: STEP_MS });
    const { sdk } = running;
    companyId = (await sdk.companies.create({ name: 'Data Co' })).id;
    connectionId = (
      await sdk.connections.create({ companyId, requestBody: { platformKey: 'gbol' } })
    ).id;
    await sdk.connections.updateAuthorization({
      companyId,
      connectionId,
      requestBody: { accessToken: 't' },
    });
  });
  afterAll(() => running.close());

  it('refresh all, refresh one type, list and get pull operations, data status parse', async () => {
    const { sdk } = running;
    await expect(sdk.refreshData.all({ companyId })).resolves.toBeUndefined();
    // `items` is not among the "fetch on first link" types refresh-all has just queued.
    const queued = await sdk.refreshData.byDataType({ companyId, dataType: 'items', connectionId });
    expect(queued).toMatchObject({ dataType: 'items', status: 'Queued', isCompleted: false });
    const history = await sdk.refreshData.listPullOperations({ companyId, pageSize: 500 });
    expect(history.results?.some((operation) => operation.id === queued.id)).toBe(true);
    expect((await sdk.refreshData.getPullOperation({ companyId, datasetId: queued.id })).id).toBe(
      queued.id,
    );
    expect((await sdk.refreshData.get({ companyId }))['items']?.currentStatus).toBe('Queued');
  });

  it('every pull-operation status and every data-status shape parse', async () => {
    const { sdk, emu } = running;
    const company = emu.store.companies.get(companyId)!;
    const connection = emu.store.connections.get(connectionId)!;
    for (const outcome of PULL_OUTCOMES)
      queuePullOperation(emu, { company, connection, dataType: 'bills', outcome });
    const seen = new Set<string>();
    for (let step = 0; step <= 6; step++) {
      const history = await sdk.refreshData.listPullOperations({
        companyId,
        pageSize: 500,
        query: 'dataType=bills',
      });
      for (const operation of history.results ?? []) seen.add(operation.status);
      await sdk.refreshData.get({ companyId });
      emu.clock.advance(STEP_MS);
    }
    expect(seen.size).toBe(
      new Set([...PULL_OUTCOMES, 'Queued', 'Fetching', 'Mapping', 'Validating', 'Processing']).size,
    );
    // Completed syncs moved lastSync on the company and its connection.
    const synced = await sdk.companies.get({ companyId });
    expect(synced.lastSync).toEqual(expect.any(String));
    expect((await sdk.connections.get({ companyId, connectionId })).lastSync).toEqual(
      expect.any(String),
    );
  });

  it('surfaces refresh and history errors as the typed ErrorMessage', async () => {
    const { sdk } = running;
    await expectSdkErrorMessage(sdk.refreshData.all({ companyId: UNKNOWN_ID }), 404);
    await expectSdkErrorMessage(
      sdk.refreshData.byDataType({ companyId, dataType: 'banking-accounts' }),
      400,
    );
    await expectSdkErrorMessage(
      sdk.refreshData.byDataType({ companyId: UNKNOWN_ID, dataType: 'invoices' }),
      404,
    );
    await expectSdkErrorMessage(sdk.refreshData.get({ companyId: UNKNOWN_ID }), 404);
    await expectSdkErrorMessage(
      sdk.refreshData.listPullOperations({ companyId, query: 'isCompleted=true' }),
      400,
    );
    await expectSdkErrorMessage(
      sdk.refreshData.getPullOperation({ companyId, datasetId: UNKNOWN_ID }),
      404,
    );
    const pending = (await sdk.companies.create({ name: 'Nothing Linked' })).id;
    await expectSdkErrorMessage(sdk.refreshData.all({ companyId: pending }), 400);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCodatDate } from '../src/dates.js';
import { linkedConnection, startEmulatorHarness, type EmulatorHarness } from './emulator.js';

let harness: EmulatorHarness;
beforeEach(async () => (harness = await startEmulatorHarness({ syncStepMs: 1000 })));
afterEach(async () => harness.close());

describe('data refresh, status and history against the emulator', () => {
  it('queues one data type, follows it to Complete and reports it in dataStatus', async () => {
    const { client, running } = harness;
    const { company, connection } = await linkedConnection(client, 'gbol');
    const queued = await client.data.refreshDataType(company.id, 'invoices', {
      connectionId: connection.id,
    });
    expect(queued).toMatchObject({
      companyId: company.id,
      connectionId: connection.id,
      dataType: 'invoices',
      isCompleted: false,
    });
    expect(parseCodatDate(queued.requested)).toBeInstanceOf(Date);

    await expect(client.data.refreshDataType(company.id, 'invoices')).rejects.toMatchObject({
      status: 400,
      codatError: expect.stringContaining('DatasetAlreadyInProgressException'),
    });

    running.emu.clock.advance(60_000);
    const done = await client.pullOperations.get(company.id, queued.id);
    expect(done).toMatchObject({ status: 'Complete', isCompleted: true, isErrored: false });
    expect(parseCodatDate(done.completed)).toBeInstanceOf(Date);

    const statuses = await client.data.status(company.id);
    expect(statuses.invoices).toMatchObject({
      dataType: 'invoices',
      currentStatus: 'Complete',
      latestSyncId: queued.id,
    });
  });

  it('refreshes all data and lists the history page by page', async () => {
    const { client } = harness;
    const { company } = await linkedConnection(client, 'gbol');
    await client.data.refreshAll(company.id);
    const first = await client.pullOperations.list(company.id, { pageSize: 2 });
    expect(first.totalResults).toBeGreaterThan(0);
    const ids = [];
    for await (const page of client.pullOperations.pages(company.id, { pageSize: 2 }))
      ids.push(...page.results.map((p) => p.id));
    expect(ids).toHaveLength(first.totalResults);

    const failures = await client.pullOperations.list(company.id, {
      query: 'status!=Complete&&status!=NotSupported',
    });
    expect(failures.totalResults).toBeLessThanOrEqual(first.totalResults);
    await expect(
      client.pullOperations.list(company.id, { query: 'isCompleted=true' }),
    ).rejects.toMatchObject({
      status: 400,
      codatError: 'Error parsing query - Could not resolve property isCompleted on Dataset',
    });
  });
});

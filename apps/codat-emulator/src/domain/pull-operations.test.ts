import { describe, expect, it } from 'vitest';
import { storeCompany, storeConnection } from '../../test/store-records.js';
import { Emulator } from '../emulator.js';
import type { CodatEvent } from '../events.js';
import { initialDataTypes } from './data-types.js';
import { statusAt } from './pull-lifecycle.js';
import { queueInitialSync, queuePullOperation } from './pull-operations.js';

const STEP = 1000;

function setUp() {
  const emu = new Emulator({ syncStepMs: STEP });
  const events: CodatEvent[] = [];
  emu.events.on((event) => events.push(event));
  const company = storeCompany(emu);
  return { emu, events, company };
}

describe('pull operations', () => {
  it('settles a finished dataset on the next tick and moves lastSync forward', () => {
    const { emu, events, company } = setUp();
    const xero = storeConnection(emu, company, 'gbol');
    const dataset = queuePullOperation(emu, { company, connection: xero, dataType: 'invoices' });

    emu.clock.advance(4 * STEP);
    emu.tick();
    expect(dataset.settled).toBe(false);
    expect(events).toHaveLength(0);

    emu.clock.advance(STEP);
    emu.tick();
    expect(dataset).toMatchObject({ settled: true, completedMs: dataset.requestedMs + 5 * STEP });
    expect(emu.store.pendingDatasets.size).toBe(0);
    expect(xero.lastSyncMs).toBe(dataset.completedMs);
    expect(company.lastSync).toBe(dataset.completed);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: 'read.completed',
      companyId: company.id,
      payload: {
        referenceCompany: { id: company.id, name: company.name, links: { portal: `https://app.codat.io/companies/${company.id}/summary` } },
        dataTypes: [{ connectionId: xero.id, dataType: 'invoices', recordsModified: true, status: 'Complete', issues: [] }],
      },
    });
    expect(events[0]!.payload).not.toHaveProperty('modifiedFromDate');
  });

  it('keeps lastSync on failures and gives the company the latest success of any connection', () => {
    const { emu, events, company } = setUp();
    const xero = storeConnection(emu, company, 'gbol');
    const plaid = storeConnection(emu, company, 'suuo');
    queuePullOperation(emu, { company, connection: xero, dataType: 'invoices' });
    emu.clock.advance(5 * STEP);
    emu.tick();
    const firstSync = company.lastSync;

    queuePullOperation(emu, { company, connection: xero, dataType: 'bills', outcome: 'FetchError' });
    const banking = queuePullOperation(emu, { company, connection: plaid, dataType: 'banking-accounts', stepMs: 2 * STEP });
    emu.clock.advance(10 * STEP);
    emu.tick();
    expect(xero.lastSync).toBe(firstSync);
    expect(plaid.lastSync).toBe(banking.completed);
    expect(company.lastSync).toBe(banking.completed);
    expect(events[1]!.payload.modifiedFromDate).toBe(firstSync);
    expect(events[1]!.payload.dataTypes).toEqual([
      expect.objectContaining({ dataType: 'bills', status: 'FetchError', recordsModified: false }),
      expect.objectContaining({ dataType: 'banking-accounts', status: 'Complete' }),
    ]);
  });

  it('fails reads of a connection that is not linked with AuthError', () => {
    const { emu, company } = setUp();
    const deauthorized = storeConnection(emu, company, 'gbol', 'Deauthorized');
    const dataset = queuePullOperation(emu, { company, connection: deauthorized, dataType: 'invoices' });
    expect(dataset.outcome).toBe('AuthError');
    expect(statusAt(dataset, emu.clock.now())).toBe('AuthError');
  });

  it('records backdated finished datasets as history: lastSync moves, no webhook', () => {
    const { emu, events, company } = setUp();
    const xero = storeConnection(emu, company, 'gbol');
    const requestedMs = emu.clock.now() - 3_600_000;
    const dataset = queuePullOperation(emu, { company, connection: xero, dataType: 'invoices', requestedMs });
    expect(dataset.settled).toBe(true);
    expect(xero.lastSyncMs).toBe(requestedMs + 5 * STEP);
    emu.tick();
    expect(events).toHaveLength(0);
  });

  it('announces the first read after linking once, when all of it has finished', () => {
    const { emu, events, company } = setUp();
    const xero = storeConnection(emu, company, 'gbol');
    const datasets = queueInitialSync(emu, xero);
    expect(datasets.map((d) => d.dataType)).toEqual(initialDataTypes('Accounting'));
    datasets[0]!.stepMs = 10 * STEP; // one slow data type holds the initial read back

    emu.clock.advance(5 * STEP);
    emu.tick();
    expect(events.map((e) => e.eventType)).toEqual(['read.completed']);

    emu.clock.advance(50 * STEP);
    emu.tick();
    expect(events.map((e) => e.eventType)).toEqual(['read.completed', 'read.completed', 'read.completed.initial']);
    expect(events[2]!.payload.dataTypes).toHaveLength(datasets.length);
    emu.clock.advance(50 * STEP);
    emu.tick();
    expect(events).toHaveLength(3);
  });

  it('skips data types already running when queueing the initial read', () => {
    const { emu, company } = setUp();
    const plaid = storeConnection(emu, company, 'suuo');
    queuePullOperation(emu, { company, connection: plaid, dataType: 'banking-accounts' });
    const datasets = queueInitialSync(emu, plaid);
    expect(datasets.map((d) => d.dataType)).not.toContain('banking-accounts');
    expect(datasets.length).toBe(initialDataTypes('Banking').length - 1);
  });
});

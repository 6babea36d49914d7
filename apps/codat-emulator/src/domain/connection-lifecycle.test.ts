import { describe, expect, it } from 'vitest';
import { Emulator } from '../emulator.js';
import type { CodatEvent } from '../events.js';
import { createCompany } from './company-lifecycle.js';
import {
  authorizeConnection,
  cancelLinking,
  createConnection,
  deauthorizeConnection,
  deleteConnection,
  unlinkConnection,
} from './connection-lifecycle.js';

function setup(platformKey = 'qhyg') {
  const emu = new Emulator({ publicUrl: 'http://emulator.local' });
  const events: CodatEvent[] = [];
  emu.events.on((event) => events.push(event));
  const company = createCompany(emu, { name: 'Lifecycle Ltd' });
  const connection = createConnection(emu, company, platformKey);
  return { emu, events, company, connection, types: () => events.map((e) => e.eventType) };
}

describe('connection lifecycle', () => {
  it('fires connected on the first link and reconnected after a deauthorization', () => {
    const { emu, connection, types } = setup();
    expect(authorizeConnection(emu, connection)).toBe('connection.connected');
    expect(connection.status).toBe('Linked');
    expect(authorizeConnection(emu, connection)).toBeUndefined();

    deauthorizeConnection(emu, connection);
    expect(connection.status).toBe('Deauthorized');
    expect(connection.errors).toEqual([
      expect.objectContaining({
        statusCode: '401',
        statusText: 'The integration de-authorized access to the connection.',
        errorMessage: 'The integration de-authorized access to the connection.',
        status: 'Active',
      }),
    ]);
    emu.clock.advance(60_000);
    expect(authorizeConnection(emu, connection)).toBe('connection.reconnected');
    expect(connection.errors[0]).toMatchObject({ status: 'Resolved' });
    expect(connection.errors[0]!.resolvedOnUtc).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(types()).toEqual([
      'company.created',
      'connection.created',
      'connection.connected',
      'connection.disconnected',
      'connection.reconnected',
    ]);
  });

  it('records a cancelled link as an active 403 error and keeps PendingAuth', () => {
    const { emu, connection, events } = setup();
    cancelLinking(emu, connection);
    expect(connection.status).toBe('PendingAuth');
    const failed = events.at(-1)!;
    expect(failed.eventType).toBe('connection.failed');
    expect(failed.payload).toMatchObject({
      connection: {
        status: 'PendingAuth',
        linkUrl: expect.stringMatching(/^http:\/\/emulator\.local\/link-api\//),
        dataConnectionErrors: [
          { statusCode: '403', statusText: 'User cancelled linking', errorMessage: 'User cancelled', status: 'Active' },
        ],
      },
    });
  });

  it('unlinks only Linked connections, and re-linking an unlinked one is a reconnect', () => {
    const { emu, connection } = setup();
    expect(() => unlinkConnection(emu, connection)).toThrow(/only Linked connections/);
    authorizeConnection(emu, connection);
    unlinkConnection(emu, connection);
    expect(connection.status).toBe('Unlinked');
    expect(authorizeConnection(emu, connection)).toBe('connection.reconnected');
  });

  it('snapshots the connection in connection.deleted before removing it', () => {
    const { emu, company, connection, events } = setup();
    deleteConnection(emu, connection);
    expect(emu.store.connections.has(connection.id)).toBe(false);
    expect(company.connectionIds).toEqual([]);
    expect(events.at(-1)).toMatchObject({ eventType: 'connection.deleted', payload: { connection: { id: connection.id } } });
  });

  it('emits company.created with the company details unwrapped', () => {
    const { events, company } = setup();
    expect(events[0]!.payload).toEqual({
      id: company.id,
      name: 'Lifecycle Ltd',
      description: '',
      redirect: `http://emulator.local/link/company/${company.id}`,
      created: company.created,
      products: [],
      referenceSubsidiaryCompanies: [],
    });
  });
});

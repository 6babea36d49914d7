import { describe, expect, it } from 'vitest';
import { Emulator } from '../emulator.js';
import { seedFleet } from './fleet.js';

const ANCHOR_MS = Date.parse('2026-03-01T09:00:00Z');

function seeded(seed: number, companies = 300, anchorMs = ANCHOR_MS): Emulator {
  const emu = new Emulator();
  seedFleet(emu, { companies, seed, anchorMs });
  return emu;
}

/** Everything a report or screen could show, in store order. */
function snapshot(emu: Emulator) {
  const { store } = emu;
  return store.companyOrder.map((id) => {
    const company = store.companies.get(id)!;
    return {
      company: { ...company },
      connections: store.connectionsOf(company).map((connection) => ({
        ...connection,
        sourceAccounts: store.sourceAccounts.get(connection.id),
      })),
      datasets: store.datasets.get(id),
    };
  });
}

describe('seedFleet determinism', () => {
  it('gives identical ids, names, statuses and dates for the same seed and anchor', () => {
    const first = snapshot(seeded(42));
    const second = snapshot(seeded(42));
    expect(second).toEqual(first);
    expect(first).toHaveLength(300);
  });

  it('gives a different fleet for a different seed', () => {
    const a = snapshot(seeded(1));
    const b = snapshot(seeded(2));
    const idsA = new Set(a.map((entry) => entry.company.id));
    expect(b.filter((entry) => idsA.has(entry.company.id))).toHaveLength(0);
    const namesA = a.map((entry) => entry.company.name);
    const namesB = b.map((entry) => entry.company.name);
    expect(namesB.filter((name, i) => name === namesA[i]).length).toBeLessThan(10);
    const statuses = (s: typeof a) => s.flatMap((entry) => entry.connections.map((c) => c.status)).join();
    expect(statuses(b)).not.toBe(statuses(a));
  });

  it('keeps the first companies when the fleet grows', () => {
    const small = seeded(9, 50);
    const large = seeded(9, 120);
    const identity = (emu: Emulator) =>
      emu.store.companyOrder.slice(0, 50).map((id) => {
        const { name, tags, description } = emu.store.companies.get(id)!;
        return { id, name, tags, description };
      });
    expect(identity(large)).toEqual(identity(small));
  });

  it('anchors every date before the anchor, over about three years, in creation order', () => {
    const emu = seeded(5, 500);
    const created = emu.store.companyOrder.map((id) => emu.store.companies.get(id)!.createdMs);
    expect([...created].sort((x, y) => x - y)).toEqual(created);
    expect(Math.max(...created)).toBeLessThan(ANCHOR_MS);
    expect(ANCHOR_MS - Math.min(...created)).toBeGreaterThan(2.5 * 365 * 86_400_000);
    expect(ANCHOR_MS - Math.min(...created)).toBeLessThanOrEqual(3 * 365 * 86_400_000 + 3_600_000);
    for (const connection of emu.store.connections.values()) {
      expect(connection.createdMs).toBeLessThan(ANCHOR_MS);
      if (connection.lastSyncMs !== undefined) expect(connection.lastSyncMs).toBeLessThanOrEqual(ANCHOR_MS);
    }
    for (const dataset of emu.store.datasetsById.values()) expect(dataset.completedMs!).toBeLessThanOrEqual(ANCHOR_MS);
  });

  it('rejects sizes and seeds it cannot honour', () => {
    expect(() => seedFleet(new Emulator(), { companies: -1, seed: 1 })).toThrow(RangeError);
    expect(() => seedFleet(new Emulator(), { companies: 1.5, seed: 1 })).toThrow(RangeError);
    expect(() => seedFleet(new Emulator(), { companies: 1, seed: -3 })).toThrow(RangeError);
  });
});

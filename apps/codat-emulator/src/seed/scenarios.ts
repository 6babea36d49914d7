import type { Emulator } from '../emulator.js';
import { defaultAnchorMs, seedContext } from './context.js';
import { seedDemoFixtures } from './demo-fixtures.js';
import { seedDemoIncident } from './demo-incident.js';
import { seedFleet } from './fleet.js';
import { summarizeStore, type StoreSummary } from './summary.js';

/**
 * - `demo`: generated companies plus the well-known DEMO_FIXTURES, with a probable Xero incident (demo-incident.ts).
 * - `fleet`: only generated companies; the benchmark uses 100,000.
 * - `empty`: nothing.
 */
export const SCENARIOS = ['demo', 'fleet', 'empty'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** Generated companies when the caller does not say. */
export const DEFAULT_COMPANIES = 200;
export const DEFAULT_SEED = 1;

export interface ScenarioOptions {
  scenario: ScenarioName;
  /** Generated companies (fleet and demo); ignored by `empty`. */
  companies?: number;
  seed?: number;
  /** All generated dates precede this instant; see `seedContext` for the default. */
  anchorMs?: number;
}

/** Adds a scenario's records to the store (reset the emulator first to get only them). */
export function seedScenario(emu: Emulator, options: ScenarioOptions): StoreSummary {
  const { scenario, seed = DEFAULT_SEED, anchorMs = defaultAnchorMs(emu) } = options;
  if (scenario !== 'empty') seedFleet(emu, { companies: options.companies ?? DEFAULT_COMPANIES, seed, anchorMs });
  if (scenario === 'demo') {
    seedDemoIncident(seedContext(emu, anchorMs));
    seedDemoFixtures(seedContext(emu, anchorMs));
    // The fixtures were written last; the store lists companies in creation order.
    const { companies: byId, companyOrder } = emu.store;
    companyOrder.sort((a, b) => byId.get(a)!.createdMs - byId.get(b)!.createdMs);
  }
  return summarizeStore(emu.store);
}

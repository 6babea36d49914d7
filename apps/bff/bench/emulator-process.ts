/**
 * Child process of the benchmark: the Codat emulator with a 2,000-company fleet, on its own
 * core-sized event loop (as Codat is a separate service). Reports its URL and a sample of ids.
 */
import { seedScenario, startEmulator } from '@console/codat-emulator';
import { sendReady } from './ipc.js';

const SAMPLE_IDS = 500;

const running = await startEmulator({
  setup: (emu) => void seedScenario(emu, { scenario: 'fleet', companies: 2000, seed: 1 }),
});
sendReady({ url: running.url, companyIds: running.emu.store.companyOrder.slice(0, SAMPLE_IDS) });

import { DEMO_FIXTURES } from '@console/codat-emulator';
import { emulatorApi } from './emulator-api.js';
import { EMULATOR_URL } from './stack.js';

export { DEMO_FIXTURES };

/** The emulator the console under test talks to: its Codat API and its control API (`/_emulator/*`). */
export const emulator = emulatorApi(EMULATOR_URL);

/** Companies the webServer seeds (EMULATOR_COMPANIES in playwright.config.ts); reseeding keeps the same fleet. */
const FLEET_SIZE = 150;

export interface EmulatorState {
  counts: { companies: number; connections: number } & Record<string, unknown>;
  clock: { now: string };
}

/**
 * Puts the emulator back to the demo scenario: the well-known DEMO_FIXTURES companies in their
 * documented states, plus the generated fleet. Every spec starts from here, whatever ran before.
 */
export async function seedDemo(): Promise<void> {
  await emulator.post('/_emulator/seed', { scenario: 'demo', companies: FLEET_SIZE });
}

export const emulatorState = (): Promise<EmulatorState> => emulator.get('/_emulator/state');

/** The customer completes Link for a connection (PendingAuth, Deauthorized or Unlinked → Linked). */
export const authorizeConnection = (connectionId: string) => emulator.post(`/_emulator/connections/${connectionId}/authorize`);

/** A company made straight in Codat, as another tool or a colleague in the Portal would. */
export async function createCompanyInCodat(name: string): Promise<{ id: string; name: string; redirect: string }> {
  return emulator.post('/companies', { name });
}

export async function getCompanyFromCodat(companyId: string): Promise<{ id: string; name: string; redirect: string; dataConnections: Array<{ id: string; status: string; integrationKey: string }> }> {
  return emulator.get(`/companies/${companyId}`);
}

/** Companies in Codat with exactly this name. */
export async function companiesNamedInCodat(name: string): Promise<Array<{ id: string; name: string }>> {
  const page = (await emulator.get(`/companies?page=1&pageSize=5000`)) as { results: Array<{ id: string; name: string }> };
  return page.results.filter((company) => company.name === name);
}

/** A name no earlier run has used, so specs can find what they made. */
export const uniqueName = (prefix: string) => `${prefix} ${Date.now().toString(36).toUpperCase()}`;

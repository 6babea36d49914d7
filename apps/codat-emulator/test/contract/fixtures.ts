import { expect } from 'vitest';
import { testEmulator } from '../support.js';

type Json = ReturnType<typeof testEmulator>['json'];

/** State for contract tests, built through the public API so fixtures obey the same rules. */
export async function createCompany(json: Json, name = 'Acme Trading Ltd'): Promise<string> {
  const created = await json<{ id: string }>('/companies', { method: 'POST', body: { name } });
  expect(created.status).toBe(200);
  return created.body.id;
}

export async function createConnection(
  json: Json,
  companyId: string,
  platformKey: string,
): Promise<string> {
  const created = await json<{ id: string }>(`/companies/${companyId}/connections`, {
    method: 'POST',
    body: { platformKey },
  });
  expect(created.status).toBe(200);
  return created.body.id;
}

/** A `Linked` connection, authorized the way token migration does it (update-connection-authorization). */
export async function createLinkedConnection(
  json: Json,
  companyId: string,
  platformKey: string,
): Promise<string> {
  const connectionId = await createConnection(json, companyId, platformKey);
  const linked = await json<{ status: string }>(
    `/companies/${companyId}/connections/${connectionId}/authorization`,
    {
      method: 'PUT',
      body: { accessToken: 'migrated-token' },
    },
  );
  expect(linked.body.status).toBe('Linked');
  return connectionId;
}

export const UNKNOWN_ID = '5b1ccbd3-7c7f-4f6e-8f4e-2e0b6a9d7c11';

/** A company with a Linked Xero connection on an emulator whose syncs take `stepMs` per phase. */
export async function linkedCompany(stepMs: number) {
  const emulator = testEmulator({ syncStepMs: stepMs });
  const companyId = await createCompany(emulator.json);
  const connectionId = await createLinkedConnection(emulator.json, companyId, 'gbol');
  return { ...emulator, companyId, connectionId, base: `/companies/${companyId}` };
}

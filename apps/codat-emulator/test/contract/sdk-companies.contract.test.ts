import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNKNOWN_ID } from './fixtures.js';
import { expectSdkErrorMessage, startSdkEmulator, type SdkEmulator } from './sdk.js';

// The official SDK parses (and validates) each response of a real emulator over HTTP.
describe('companies through the official @codat/platform SDK', () => {
  let running: SdkEmulator;
  beforeAll(async () => {
    running = await startSdkEmulator();
  });
  afterAll(() => running.close());

  it('create, list, get, replace, update and delete parse', async () => {
    const { sdk } = running;
    const created = await sdk.companies.create({
      name: 'SDK Co',
      description: 'from the SDK',
      tags: { region: 'uk' },
    });
    expect(created).toMatchObject({
      name: 'SDK Co',
      description: 'from the SDK',
      tags: { region: 'uk' },
    });
    expect(created.redirect).toContain(`/link/company/${created.id}`);

    const list = await sdk.companies.list({ pageSize: 1, tags: 'region=uk' });
    expect(list.totalResults).toBe(1);
    expect(list.results?.[0]?.id).toBe(created.id);
    expect(list.links.self.href).toBe('/companies');

    expect((await sdk.companies.get({ companyId: created.id })).id).toBe(created.id);
    const replaced = await sdk.companies.replace({
      companyId: created.id,
      companyRequestBody: { name: 'Replaced' },
    });
    expect(replaced).toMatchObject({ name: 'Replaced' });
    expect(replaced.tags).toBeUndefined();
    const updated = await sdk.companies.update({
      companyId: created.id,
      companyUpdateRequest: { description: 'patched' },
    });
    expect(updated).toMatchObject({ name: 'Replaced', description: 'patched' });
    await expect(sdk.companies.delete({ companyId: created.id })).resolves.toBeUndefined();
  });

  it('surfaces 400, 401 and 404 as the typed ErrorMessage', async () => {
    const { sdk, unauthorisedSdk } = running;
    const badQuery = await expectSdkErrorMessage(sdk.companies.list({ query: 'nope=1' }), 400);
    expect(badQuery.data$.error).toBe(
      'Error parsing query - Could not resolve property nope on Company',
    );
    await expectSdkErrorMessage(sdk.companies.create({ name: '((' }), 400);
    await expectSdkErrorMessage(unauthorisedSdk.companies.list(), 401);
    const missing = await expectSdkErrorMessage(sdk.companies.get({ companyId: UNKNOWN_ID }), 404);
    expect(missing.data$).toMatchObject({
      service: 'ClientsApi',
      canBeRetried: 'Unknown',
      detailedErrorCode: 0,
    });
    await expectSdkErrorMessage(sdk.companies.delete({ companyId: UNKNOWN_ID }), 404);
    await expectSdkErrorMessage(
      sdk.companies.update({ companyId: UNKNOWN_ID, companyUpdateRequest: {} }),
      404,
    );
    await expectSdkErrorMessage(
      sdk.companies.replace({ companyId: UNKNOWN_ID, companyRequestBody: { name: 'x' } }),
      404,
    );
  });

  it('surfaces 429, 500 and 503 faults as the typed ErrorMessage', async () => {
    const { sdk, emu } = running;
    for (const status of [429, 500, 503] as const) {
      emu.faults.settings = { ...emu.faults.settings, burst: { status, count: 1 } };
      await expectSdkErrorMessage(sdk.companies.list(), status);
    }
  });
});

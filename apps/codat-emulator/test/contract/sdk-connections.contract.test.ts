import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelLinking, deauthorizeConnection } from '../../src/domain/connection-lifecycle.js';
import { UNKNOWN_ID } from './fixtures.js';
import { expectSdkErrorMessage, startSdkEmulator, type SdkEmulator } from './sdk.js';

describe('connections, integrations and access tokens through the official SDK', () => {
  let running: SdkEmulator;
  let companyId: string;
  beforeAll(async () => {
    running = await startSdkEmulator();
    companyId = (await running.sdk.companies.create({ name: 'Connections Co' })).id;
  });
  afterAll(() => running.close());

  it('create, list, get, update authorization, unlink and delete parse', async () => {
    const { sdk } = running;
    const created = await sdk.connections.create({
      companyId,
      requestBody: { platformKey: 'hcws' },
    });
    expect(created).toMatchObject({
      status: 'PendingAuth',
      sourceType: 'BankFeed',
      integrationKey: 'hcws',
    });
    const connectionId = created.id;

    const list = await sdk.connections.list({ companyId, pageSize: 10 });
    expect(list.results?.map((c) => c.id)).toEqual([connectionId]);
    expect((await sdk.connections.get({ companyId, connectionId })).linkUrl).not.toBe(
      created.linkUrl,
    );

    const linked = await sdk.connections.updateAuthorization({
      companyId,
      connectionId,
      requestBody: { accessToken: 't' },
    });
    expect(linked.status).toBe('Linked');
    const unlinked = await sdk.connections.unlink({
      companyId,
      connectionId,
      updateConnectionStatus: { status: 'Unlinked' },
    });
    expect(unlinked.status).toBe('Unlinked');
    const company = await sdk.companies.get({ companyId });
    expect(company.dataConnections?.[0]?.status).toBe('Unlinked');
    await expect(sdk.connections.delete({ companyId, connectionId })).resolves.toBeUndefined();
    await expectSdkErrorMessage(sdk.connections.get({ companyId, connectionId }), 404);
  });

  it('surfaces connection errors as the typed ErrorMessage', async () => {
    const { sdk, unauthorisedSdk } = running;
    await expectSdkErrorMessage(sdk.connections.list({ companyId: UNKNOWN_ID }), 404);
    await expectSdkErrorMessage(sdk.connections.list({ companyId, query: 'nope=1' }), 400);
    await expectSdkErrorMessage(
      sdk.connections.create({ companyId, requestBody: { platformKey: 'zzzz' } }),
      404,
    );
    await expectSdkErrorMessage(
      sdk.connections.delete({ companyId, connectionId: UNKNOWN_ID }),
      404,
    );
    await expectSdkErrorMessage(
      sdk.connections.unlink({
        companyId,
        connectionId: UNKNOWN_ID,
        updateConnectionStatus: { status: 'Unlinked' },
      }),
      404,
    );
    await expectSdkErrorMessage(
      sdk.connections.updateAuthorization({
        companyId,
        connectionId: UNKNOWN_ID,
        requestBody: { a: 'b' },
      }),
      404,
    );
    await expectSdkErrorMessage(unauthorisedSdk.connections.list({ companyId }), 401);
  });

  it('integrations, branding and the company access token parse; unknown keys are ErrorMessage 404', async () => {
    const { sdk } = running;
    const integrations = await sdk.integrations.list({ pageSize: 100 });
    expect(integrations.results?.length).toBe(integrations.totalResults);
    const bankFeeds = await sdk.integrations.list({ query: 'sourceType=BankFeed' });
    expect(bankFeeds.results?.map((i) => i.key).sort()).toEqual(['hcws', 'olpr']);
    expect(await sdk.integrations.get({ platformKey: 'gbol' })).toMatchObject({
      key: 'gbol',
      name: 'Xero',
      enabled: true,
    });
    // The emulator serves the images itself (offline), where Codat serves them from static.codat.io.
    expect(
      (await sdk.integrations.getBranding({ platformKey: 'gbol' })).logo?.full?.image?.src,
    ).toMatch(/^https?:\/\/[^/]+\/public\/.+\.png$/);
    await expectSdkErrorMessage(sdk.integrations.get({ platformKey: 'zzzz' }), 404);
    await expectSdkErrorMessage(sdk.integrations.getBranding({ platformKey: 'zzzz' }), 404);
    await expectSdkErrorMessage(sdk.integrations.list({ query: 'nope=1' }), 400);

    expect(await sdk.companies.getAccessToken({ companyId })).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 86400,
    });
    await expectSdkErrorMessage(sdk.companies.getAccessToken({ companyId: UNKNOWN_ID }), 404);
    await expectSdkErrorMessage(sdk.connectionManagement.get({ companyId }), 404);
  });

  it('connections with active, resolved and deauthorization errors parse', async () => {
    const { sdk, emu } = running;
    const create = async (platformKey: string) =>
      (await sdk.connections.create({ companyId, requestBody: { platformKey } })).id;
    const cancelledId = await create('gbol');
    cancelLinking(emu, emu.store.connections.get(cancelledId)!);
    const deauthorizedId = await create('qhyg');
    await sdk.connections.updateAuthorization({
      companyId,
      connectionId: deauthorizedId,
      requestBody: { accessToken: 't' },
    });
    deauthorizeConnection(emu, emu.store.connections.get(deauthorizedId)!);
    const relinkedId = await create('exgd');
    cancelLinking(emu, emu.store.connections.get(relinkedId)!);
    await sdk.connections.updateAuthorization({
      companyId,
      connectionId: relinkedId,
      requestBody: { accessToken: 't' },
    });

    const byId = new Map(
      (await sdk.connections.list({ companyId })).results?.map((c) => [c.id, c]),
    );
    expect(byId.get(cancelledId)).toMatchObject({
      status: 'PendingAuth',
      dataConnectionErrors: [{ statusCode: '403', status: 'Active' }],
    });
    expect(byId.get(deauthorizedId)).toMatchObject({
      status: 'Deauthorized',
      dataConnectionErrors: [{ statusCode: '401', status: 'Active' }],
    });
    expect(byId.get(relinkedId)).toMatchObject({
      status: 'Linked',
      dataConnectionErrors: [{ status: 'Resolved' }],
    });
    expect((await sdk.companies.get({ companyId })).dataConnections?.length).toBe(byId.size);
  });
});

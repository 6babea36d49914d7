import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectBankFeedResponse } from '../../test/contract/bank-feeds.js';
import { expectResponseToMatchOas } from '../../test/contract/oas/validator.js';
import { startSdkEmulator, type SdkEmulator } from '../../test/contract/sdk.js';
import { testEmulator } from '../../test/support.js';
import type { BankFeedsVersion } from '../config.js';
import { seedScenario } from './scenarios.js';

// Seeded records are written straight into the store; Codat's spec and SDK must still accept every response built from them.
describe('seeded data against the OAS and the official SDK', () => {
  for (const version of ['v1', 'v2'] as BankFeedsVersion[]) {
    it(`every company, a sample of connections, histories and statuses, every source-account list (${version})`, async () => {
      const { emu, request } = testEmulator({ bankFeedsVersion: version });
      seedScenario(emu, { scenario: 'demo', companies: 200, seed: 3 });
      const all = await expectResponseToMatchOas('platform', 'list-companies', await request('/companies?pageSize=2000'));
      expect((all.body as { totalResults: number }).totalResults).toBe(emu.store.companies.size);

      const sample = emu.store.companyOrder.filter((_, i) => i % 7 === 0);
      for (const companyId of sample) {
        await expectResponseToMatchOas('platform', 'list-connections', await request(`/companies/${companyId}/connections`));
        await expectResponseToMatchOas('platform', 'list-pull-operations', await request(`/companies/${companyId}/data/history?pageSize=500`));
        await expectResponseToMatchOas('platform', 'get-company-data-status', await request(`/companies/${companyId}/dataStatus`));
      }
      expect(emu.store.sourceAccounts.size).toBeGreaterThan(5);
      for (const connectionId of emu.store.sourceAccounts.keys()) {
        const { companyId } = emu.store.connections.get(connectionId)!;
        const path = `/companies/${companyId}/connections/${connectionId}/connectionInfo/bankFeedAccounts`;
        expect((await expectBankFeedResponse(version, 'list-source-accounts', await request(path))).status).toBe(200);
      }
    });
  }

  describe('through the SDK', () => {
    let running: SdkEmulator;
    beforeAll(async () => {
      running = await startSdkEmulator();
      seedScenario(running.emu, { scenario: 'demo', companies: 200, seed: 4 });
    });
    afterAll(() => running.close());

    it('lists every company and parses connections, history and data status of a sample', async () => {
      const { sdk, emu } = running;
      const companies = await sdk.companies.list({ pageSize: 5000 });
      expect(companies.totalResults).toBe(emu.store.companies.size);
      for (const companyId of emu.store.companyOrder.filter((_, i) => i % 9 === 0)) {
        const connections = await sdk.connections.list({ companyId, pageSize: 100 });
        expect(connections.totalResults).toBe(emu.store.companies.get(companyId)!.connectionIds.length);
        await sdk.refreshData.listPullOperations({ companyId, pageSize: 500 });
        await sdk.refreshData.get({ companyId });
      }
    });
  });
});

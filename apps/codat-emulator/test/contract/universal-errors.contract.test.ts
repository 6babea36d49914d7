import { describe, expect, it } from 'vitest';
import { testEmulator } from '../support.js';
import { BANK_FEED_OPERATIONS } from './bank-feed-operations.js';
import { describeEntry, type CatalogueEntry, type OperationIds } from './catalogue.js';
import { createCompany, createConnection, UNKNOWN_ID } from './fixtures.js';
import { expectResponseToMatchEachOas, findOperation } from './oas/validator.js';
import { PLATFORM_OPERATIONS } from './platform-operations.js';

/** Each Codat operation the emulator implements answers the errors every operation declares. */
const OPERATIONS = [...PLATFORM_OPERATIONS, ...BANK_FEED_OPERATIONS];

async function setUp() {
  const emulator = testEmulator();
  const companyId = await createCompany(emulator.json);
  const connectionId = await createConnection(emulator.json, companyId, 'hcws');
  const ids: OperationIds = { companyId, connectionId, datasetId: UNKNOWN_ID, accountId: 'acc-1' };
  const send = (entry: CatalogueEntry, headers?: Record<string, string>) =>
    emulator.request(entry.path(ids), { method: entry.method, body: entry.body, headers });
  return { ...emulator, ids, send };
}

const ID_TEMPLATE: OperationIds = { companyId: 'C', connectionId: 'N', datasetId: 'D', accountId: 'A' };

describe('the catalogue of implemented operations', () => {
  it('matches the method and path of every OAS operation it names', () => {
    const ids = ID_TEMPLATE;
    const values: Record<string, string> = { ...ids, platformKey: 'gbol', dataType: 'invoices' };
    for (const entry of OPERATIONS) {
      for (const [doc, operationId] of entry.targets) {
        const operation = findOperation(doc, operationId);
        const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name]!);
        expect(`${operation.method} ${path}`, `${doc} ${operationId}`).toBe(
          `${entry.method} ${entry.path(ids)}`,
        );
      }
    }
  });
});

describe.each(OPERATIONS.map((entry) => [describeEntry(entry), entry] as const))(
  '%s',
  (_name, entry) => {
    it('401 without an Authorization header and with a wrong key', async () => {
      const { send } = await setUp();
      for (const authorization of [
        '',
        'Basic ' + Buffer.from('wrong-key').toString('base64'),
        'Bearer token',
      ]) {
        const response = await send(entry, { Authorization: authorization });
        const { status, body } = await expectResponseToMatchEachOas(response, ...entry.targets);
        expect(status).toBe(401);
        expect(body).toMatchObject({ service: 'PublicApi', error: 'Unauthorized' });
      }
    });

    it('429 from the rate limiter, with Retry-After and X-Rate-Limit-* headers', async () => {
      const { emu, send } = await setUp();
      emu.rateLimiter.configure({ limit: 0, windowMs: 60_000 });
      const response = await send(entry);
      expect((await expectResponseToMatchEachOas(response, ...entry.targets)).status).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(response.headers.get('x-rate-limit-limit')).toBe('0');
      expect(response.headers.get('x-rate-limit-remaining')).toBe('0');
      expect(response.headers.get('x-rate-limit-reset')).toEqual(expect.any(String));
    });

    it.runIf(entry.path(ID_TEMPLATE).startsWith('/companies/C'))(
      '429 as the 11th request in flight for one company, counted in /_emulator/state',
      async () => {
        const { emu, send, request, ids, json } = await setUp();
        const otherCompanyId = await createCompany(json);
        emu.faults.settings = { ...emu.faults.settings, latencyMs: 40 };
        const held = Array.from({ length: 10 }, () => request(`/companies/${ids.companyId}`));
        const response = await send(entry);
        expect((await expectResponseToMatchEachOas(response, ...entry.targets)).status).toBe(429);
        expect(response.headers.get('retry-after')).toBe('1');
        expect((await request(`/companies/${otherCompanyId}`)).status).toBe(200);
        expect((await Promise.all(held)).map((r) => r.status)).toEqual(Array(10).fill(200));
        const state = await json('/_emulator/state');
        expect(state.body.concurrency).toEqual({ limitPerCompany: 10, rejected: 1, peakPerCompany: 10 });
      },
    );

    it.each([429, 500, 503] as const)('%i injected through emu.faults', async (status) => {
      const { emu, send } = await setUp();
      emu.faults.settings = {
        ...emu.faults.settings,
        burst: { status, count: 1, retryAfterSeconds: 7 },
      };
      const response = await send(entry);
      expect((await expectResponseToMatchEachOas(response, ...entry.targets)).status).toBe(status);
      if (status === 429) expect(response.headers.get('retry-after')).toBe('7');
      expect(response.headers.get('x-rate-limit-remaining')).toEqual(expect.any(String));
    });
  },
);

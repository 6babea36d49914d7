import { DEMO_FIXTURES as F } from '@console/codat-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../stack.js';
import { tourEveryRouteFamily, type Call } from './route-tour.js';
import { distinctiveKey, expectNoLeaks, exposedText, findLeaks, keyForms } from './secrets.js';

const KEY = distinctiveKey();
/** The Portal's ready-made header value of a key Codat does not accept (it was rotated). */
const WRONG_KEY_HEADER = `Basic ${Buffer.from(`${KEY}_rotated`).toString('base64')}`;
const FORMS = [...keyForms(KEY), ...keyForms(`${KEY}_rotated`), WRONG_KEY_HEADER];

/** A stack whose Codat (the emulator) and BFF hold KEY, recording every answer a client sees. */
async function recordedStack(options: Parameters<typeof startStack>[0] = {}) {
  const stack = await startStack({ emulator: { apiKey: KEY }, client: { apiKey: KEY }, ...options });
  const exposed: string[] = [];
  const call: Call = async (path, init) => {
    const response = await stack.request(path, init);
    const text = await exposedText(`${init?.method ?? 'GET'} ${path}`, response.clone());
    exposed.push(text);
    const body = await response.text();
    return { status: response.status, body: body && response.headers.get('content-type')?.includes('json') ? JSON.parse(body) : body };
  };
  const expectNothingLeaked = () => {
    expectNoLeaks('a response (status, headers or body)', exposed, FORMS);
    expectNoLeaks('a log line', stack.logLines, FORMS);
  };
  return { stack, call, exposed, expectNothingLeaked };
}

describe('the Codat key never leaks', () => {
  it('the leak detector finds the key in every form it checks', () => {
    const header = `Basic ${Buffer.from(KEY).toString('base64')}`;
    expect(findLeaks([`{"authorization":"${header}"}`], keyForms(KEY))).toHaveLength(2); // the header value and its base64 token
    expect(findLeaks([`apiKey=${KEY}`], keyForms(KEY))).toHaveLength(1); // raw (URL-encoding leaves this key as it is)
    expect(findLeaks([`apiKey=${KEY.slice(1)}`], keyForms(KEY))).toEqual([]);
  });

  describe('with the right key', () => {
    let probe: Awaited<ReturnType<typeof recordedStack>>;
    let stack: Stack;
    beforeAll(async () => {
      // Short Codat timeouts and retry budget, so the failure cases below stay fast.
      probe = await recordedStack({ client: { apiKey: KEY, timeoutMs: 300, retry: { initialDelayMs: 5, maxDelayMs: 20, maxTotalMs: 500 } } });
      stack = probe.stack;
    });
    afterAll(() => stack.close());

    it('every route family answers without it: companies, connections, link URLs, reveal, source accounts, diagnostics, refresh', async () => {
      const statuses = await tourEveryRouteFamily(probe.call);
      const failed = Object.entries(statuses).filter(([, status]) => status >= 400);
      expect(failed, 'every call of the tour should succeed, or it proves nothing').toEqual([]);
      probe.expectNothingLeaked();
    });

    it('refusals and validation errors answer without it', async () => {
      const statuses = [
        (await probe.call('/api/companies/00000000-0000-4000-8000-000000000000')).status,
        (await probe.call('/api/companies/not-a-uuid')).status,
        (await probe.call(`/api/companies?filter=${encodeURIComponent(JSON.stringify({ q: 'a&&b' }))}`)).status,
        (await probe.call('/api/companies', { method: 'POST', body: { name: '' } })).status,
        (await probe.call('/api/companies', { method: 'POST', body: '{' })).status,
        (await probe.call('/api/companies', { method: 'POST', body: { name: 'x'.repeat(70 * 1024) } })).status,
        (await probe.call(`/api/connections/${F.noConnections.companyId}.00000000-0000-4000-8000-000000000000/link-url`, { method: 'POST' })).status,
        (await probe.call('/api/nothing-here')).status,
      ];
      expect(statuses).toEqual([404, 400, 400, 400, 400, 413, 404, 404]);
      probe.expectNothingLeaked();
    });

    it('Codat failures answer without it: 429 storm, 5xx, unavailable, timeouts', async () => {
      const company = `/api/companies/${F.noConnections.companyId}`;
      const during = async (faults: Partial<typeof stack.emu.faults.settings>, path = company) => {
        stack.emu.faults.settings = { ...stack.emu.faults.settings, ...faults };
        try {
          return (await probe.call(path)).status;
        } finally {
          stack.emu.faults.reset();
        }
      };
      expect(await during({ burst: { status: 429, count: 1000, retryAfterSeconds: 30 } })).toBe(429);
      expect(await during({ errorRate: 1, errorStatus: 500 })).toBe(502);
      expect(await during({ errorRate: 1, errorStatus: 503 }, '/api/companies')).toBe(503);
      expect(await during({ latencyMs: 400 })).toBe(504);
      stack.emu.rateLimiter.configure({ limit: 1, windowMs: 60_000 });
      try {
        expect([(await probe.call(company)).status, (await probe.call(company)).status]).toEqual([200, 429]);
      } finally {
        stack.emu.rateLimiter.reset();
      }
      expect((await probe.call('/readyz')).status).toBe(200);
      probe.expectNothingLeaked();
    });

    it('/metrics does not carry it either', async () => {
      await probe.call('/metrics');
      probe.expectNothingLeaked();
    });
  });

  it('a key Codat refuses (401, given as the Portal’s "Basic …" header value) is not echoed either', async () => {
    const probe = await recordedStack({ scenario: 'empty', client: { apiKey: WRONG_KEY_HEADER } });
    try {
      const list = await probe.call('/api/companies');
      expect(list.status).toBe(502);
      expect(list.body.error.code).toBe('codat_auth');
      expect((await probe.call('/api/companies', { method: 'POST', body: { name: 'Refused Ltd', confirmNewCompany: { reason: 'proof test' } } })).status).toBe(502);
      expect((await probe.call('/api/integrations')).status).toBe(502);
      const ready = await probe.call('/readyz');
      expect(ready.status).toBe(503);
      expect(JSON.stringify(ready.body)).toContain('401');
      probe.expectNothingLeaked();
    } finally {
      await probe.stack.close();
    }
  });
});

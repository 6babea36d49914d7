import { afterEach, describe, expect, it } from 'vitest';
import { startEmulatorHarness, type EmulatorHarness } from './emulator.js';

let harness: EmulatorHarness | undefined;
afterEach(async () => harness?.close());

describe('resilience against emulator faults', () => {
  it('rides out a 429 storm on a GET, waiting Retry-After each time', async () => {
    harness = await startEmulatorHarness();
    const { client, running, timing } = harness;
    running.emu.faults.settings.burst = { status: 429, count: 3, retryAfterSeconds: 1 };
    await expect(client.companies.list()).resolves.toMatchObject({ totalResults: 0 });
    expect(timing.sleeps).toEqual([1000, 1000, 1000]);
  });

  it('recovers a GET from a 5xx burst', async () => {
    harness = await startEmulatorHarness();
    const { client, running } = harness;
    running.emu.faults.settings.burst = { status: 503, count: 2 };
    await expect(client.integrations.get('gbol')).resolves.toMatchObject({ key: 'gbol' });
  });

  it('surfaces a 503 on create-company without retrying, so nothing is duplicated', async () => {
    harness = await startEmulatorHarness();
    const { client, running } = harness;
    running.emu.faults.settings.burst = { status: 503, count: 1 };
    await expect(client.companies.create({ name: 'Once' })).rejects.toMatchObject({
      status: 503,
      operation: 'companies.create',
    });
    expect(running.emu.faults.settings.burst?.count).toBe(0);
    expect((await client.companies.list()).totalResults).toBe(0);
  });

  it('tracks the quota headers and gives up when the quota resets too late', async () => {
    harness = await startEmulatorHarness();
    const { client, running, timing } = harness;
    running.emu.rateLimiter.configure({ limit: 2, windowMs: 3_600_000 });
    await client.companies.list();
    expect(client.rateLimit).toMatchObject({ limit: 2, remaining: 1 });
    expect(Date.parse(client.rateLimit?.reset ?? '')).toBeGreaterThan(Date.now());
    await client.companies.list();
    const error = await client.companies.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, kind: 'http' });
    expect((error as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(3000);
    expect(timing.sleeps).toEqual([]);
    expect(client.rateLimit?.remaining).toBe(0);
  });

  it('times out on injected latency', async () => {
    harness = await startEmulatorHarness({}, { timeoutMs: 100 });
    const { client, running } = harness;
    running.emu.faults.settings.latencyMs = 400;
    await expect(client.companies.create({ name: 'Slow' })).rejects.toMatchObject({
      kind: 'timeout',
      status: 0,
    });
  });
});

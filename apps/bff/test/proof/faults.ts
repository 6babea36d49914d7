import { expect } from 'vitest';
import type { Stack } from '../stack.js';

/** Replaces the emulator's injected faults through its control API, as e2e specs and demos do. */
export async function putFaults(stack: Stack, faults: object): Promise<void> {
  const response = await fetch(`${stack.emulatorUrl}/_emulator/faults`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from(stack.emu.config.apiKey).toString('base64')}` },
    body: JSON.stringify(faults),
  });
  expect(response.status).toBe(200);
}

/** A call's answer and how long the caller waited for it. */
export async function timed<T>(call: () => Promise<T>): Promise<T & { elapsedMs: number }> {
  const startedMs = performance.now();
  const result = await call();
  return { ...result, elapsedMs: performance.now() - startedMs };
}

/** The BFF's error shape, Codat's correlation id included, and nothing that looks like a stack trace. */
export function expectCleanCodatError(body: any, code: string): void {
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error).toMatchObject({ code, message: expect.any(String), requestId: expect.any(String) });
  expect(body.error.codatCorrelationId).toMatch(/^[0-9a-f]{32}$/);
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/\bat \S+ \(|\.[cm]?[jt]s:\d+|Error:|node_modules/);
}

/** Attempts the BFF's Codat client made for one operation, by HTTP status (retries included). */
export function attempts(stack: Stack, operation: string, status: number): number {
  return stack.metrics.codatCalls.get({ operation, status: String(status) });
}

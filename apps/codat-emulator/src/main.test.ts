import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
const BIN = 'bin/codat-emulator.js';

function started(child: ChildProcessWithoutNullStreams): Promise<{ url: string; authorization: string; output: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const authorization = /Authorization: +(Basic \S+)/.exec(output)?.[1];
      if (url && authorization && output.includes('Stop with')) resolve({ url, authorization, output });
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${output}`)));
  });
}

function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('codat-emulator CLI', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`serves the seeded API with the given key and exits 0 on ${signal}`, async () => {
      const args = [BIN, '--port', '0', '--scenario', 'fleet', '--companies', '25', '--seed', '4', '--api-key', 'cli-test-key'];
      const child = spawn(process.execPath, args, { cwd: APP_DIR });
      try {
        const { url, authorization, output } = await started(child);
        expect(authorization).toBe(`Basic ${Buffer.from('cli-test-key').toString('base64')}`);
        expect(output).toContain('API key:        cli-test-key');
        expect(output).toMatch(/Seeded scenario "fleet" \(seed 4\) in \d+ ms/);
        expect(output).toContain('25 companies');
        const response = await fetch(`${url}/companies?pageSize=1`, { headers: { Authorization: authorization } });
        expect(response.status).toBe(200);
        expect(((await response.json()) as { totalResults: number }).totalResults).toBe(25);
        expect((await fetch(`${url}/companies`)).status).toBe(401);
      } finally {
        const exit = exited(child);
        child.kill(signal);
        expect(await exit).toBe(0);
      }
    }, 30_000);
  }

  it('exits 2 with a message naming a bad flag', () => {
    const result = spawnSync(process.execPath, [BIN, '--companies', 'lots'], { cwd: APP_DIR, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--companies must be a whole number from 0 to 500000 (got 'lots')");
    expect(result.stdout).toBe('');
  }, 30_000);

  it('prints the options for --help and exits 0', () => {
    const result = spawnSync(process.execPath, [BIN, '--help'], { cwd: APP_DIR, encoding: 'utf8' });
    expect(result.status).toBe(0);
    for (const flag of ['--port', '--host', '--companies', '--seed', '--scenario', '--api-key', '--bank-feeds-version', '--sync-step-ms', '--webhook-url', '--webhook-secret']) {
      expect(result.stdout).toContain(flag);
    }
  }, 30_000);
});

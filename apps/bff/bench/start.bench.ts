/**
 * Production start benchmark (a script that prints figures, not a test): the BFF started as
 * `npm start` used to start it (TypeScript through tsx at run time) and as it starts now (the
 * bundle `npm run build` writes to dist/main.js), alternately, on the same warm PGlite data
 * directory and embedded emulator. For each: time from spawn until /readyz answers 200, and the
 * resident memory after 3 s idle. Run with `npm run bench:start` after `npm run build`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ms, table } from './report.js';
import { bffStartFlags } from './start-flags.js';

const ROUNDS = 3;
const IDLE_MS = 3000;
const bffDir = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(bffDir, 'dist/main.js');
if (!existsSync(bundle)) throw new Error('dist/main.js is missing: run `npm run build --workspace @console/bff` first');

const WAYS = {
  'tsx src/main.ts (before)': ['--import', 'tsx', 'src/main.ts'],
  'node dist/main.js (now)': ['--enable-source-maps', 'dist/main.js'],
} as const;
type Way = keyof typeof WAYS;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function startOnce(way: Way, dataDir: string): Promise<{ startMs: number; rssMb: number }> {
  const [port, emulatorPort] = [await freePort(), await freePort()];
  const startedMs = performance.now();
  const child = spawn(process.execPath, [...bffStartFlags(), ...WAYS[way]], {
    cwd: bffDir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', EMULATOR_PORT: String(emulatorPort), CONSOLE_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEMO_PASSWORD: 'bench-password-0001' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${way} exited with ${child.exitCode}`);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((response) => response.ok, () => false);
      if (ready) break;
      await sleep(20);
    }
    const startMs = performance.now() - startedMs;
    await sleep(IDLE_MS);
    return { startMs, rssMb: rssMb(child.pid!) };
  } finally {
    await new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM'));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'console-start-bench-'));
try {
  // The first start creates the database; every measured start finds it (as a restart does).
  await startOnce('node dist/main.js (now)', dataDir);
  const results: Record<Way, Array<{ startMs: number; rssMb: number }>> = { 'tsx src/main.ts (before)': [], 'node dist/main.js (now)': [] };
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const way of Object.keys(WAYS) as Way[]) results[way].push(await startOnce(way, dataDir));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  process.stdout.write(`BFF start (embedded emulator, 300 companies; warm PGlite), median of ${ROUNDS}, Node ${process.version}\n\n`);
  process.stdout.write(
    `${table(
      ['how', 'spawn → /readyz 200', `RSS after ${IDLE_MS / 1000} s idle`],
      (Object.keys(WAYS) as Way[]).map((way) => [way, ms(median(results[way].map((r) => r.startMs))), `${median(results[way].map((r) => r.rssMb)).toFixed(0)} MB`]),
    )}\n`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** What a benchmark child process reports once it is listening. */
export interface Ready {
  url: string;
  companyIds?: string[];
  /** Where the BFF keeps sessions. */
  database?: string;
}

/** The admin the benchmark's BFF creates at first start and signs in as. */
export const BENCH_ACCOUNT = { email: 'bench@console.local', password: 'bench-password-0001' };

/** Signs in over HTTP as a browser would; answers the session cookie every /api request needs. */
export async function signIn(bffUrl: string): Promise<Record<string, string>> {
  const response = await fetch(`${bffUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(BENCH_ACCOUNT),
  });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('console_session='));
  if (response.status !== 200 || !cookie) throw new Error(`bench sign-in failed: ${response.status} ${await response.text()}`);
  return { Cookie: cookie.split(';')[0]! };
}

/** Tells the parent where the child listens; SIGINT then ends it normally (so profiles are written). */
export function sendReady(ready: Ready): void {
  process.on('SIGINT', () => process.exit(0));
  // Also when the benchmark itself dies without stopping its children.
  process.on('disconnect', () => process.exit(0));
  process.send!(ready);
}

/**
 * Forks a benchmark child (same Node flags, so `--cpu-prof` profiles it too) and waits for its
 * URL. Its stdout, where the BFF writes its access log as in production, goes to /dev/null.
 */
export async function startChild(script: string, env: Record<string, string> = {}, execArgv = process.execArgv) {
  const child = fork(new URL(script, import.meta.url), [], {
    env: { ...process.env, ...env },
    execArgv,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ready));
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready`)));
  });
  // SIGINT lets the child exit normally, so a --cpu-prof profile gets written.
  const stop = () => new Promise<void>((resolve) => child.once('exit', () => resolve()).kill('SIGINT'));
  return { ...ready, pid: child.pid!, stop };
}

/** CPU time (user + system) a process has used so far, from /proc (Linux; 10 ms resolution). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime, fields 14 and 15 of stat(5), in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

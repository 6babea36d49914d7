import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CSRF_HEADER, type SessionInfo } from '@console/contracts';

const BFF_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Variables a developer's shell might set that would change what a spawned BFF does. */
const CLEARED = ['CODAT_API_KEY', 'DATABASE_URL', 'CONSOLE_DATA_DIR', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'DEMO_PASSWORD', 'OIDC_ISSUER', 'PUBLIC_URL'];

export interface BffProcess {
  url: string;
  /** Everything it printed on stdout so far. */
  output: () => string;
  kill: (signal: NodeJS.Signals) => Promise<void>;
}

/**
 * `node --import tsx src/main.ts` as `npm start` runs it, on a free port with a small embedded
 * emulator; resolves once it listens.
 */
export async function startBffProcess(env: Record<string, string>): Promise<BffProcess> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !CLEARED.includes(name)));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: BFF_DIR,
    env: { ...base, HOST: '127.0.0.1', PORT: '0', EMULATOR_PORT: '0', EMULATOR_COMPANIES: '3', LOG_LEVEL: 'info', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const poll = setInterval(() => {
      const match = /"port":(\d+),"msg":"console listening/.exec(stdout);
      if (match) {
        clearInterval(poll);
        resolve(Number(match[1]));
      }
    }, 50);
    void exited.then(() => {
      clearInterval(poll);
      reject(new Error(`the BFF exited before listening:\n${stdout}\n${stderr}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => stdout,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** A signed-in browser of one BFF process: session cookie and CSRF token on every request. */
export async function signInTo(bff: BffProcess, email: string, password: string) {
  const login = await fetch(`${bff.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const session = (await login.json()) as SessionInfo;
  return browserOf(cookie, session.csrfToken, session);
}

/** Requests with a given session, to whichever BFF process `url` names. */
export function browserOf(cookie: string, csrfToken: string, session: SessionInfo) {
  const json = async (url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: { Cookie: cookie, [CSRF_HEADER]: csrfToken, ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return { cookie, csrfToken, session, json };
}

/**
 * Exactly-once actions under faults (a script that prints figures, not a test). The emulator, the
 * real BFF (`src/main.ts` on embedded PGlite) and this load generator run in separate processes.
 * Each scenario creates companies the way staff do (one Idempotency-Key per intent, the same key
 * again after a network error, a 429 or a 409 "still running"):
 *   - 100 concurrent creates of one new customer (colleagues racing, each with their own intent);
 *   - 50 creates under a 429 storm;
 *   - 50 creates whose Codat answer comes after the console's timeout (the change is applied);
 *   - 50 creates with the BFF killed (SIGKILL) mid-burst and restarted.
 * Afterwards it compares Codat (the emulator's companies) with what the console said and recorded:
 * created, reported (the console said ok, at once or after checking), duplicated, lost (made in
 * Codat but not reported, or reported but not made) and unresolved (attempts with no final
 * outcome); all but created and reported must be 0. It also prints the p50 an Idempotency-Key adds
 * to a create. Emulator latency is 300 ms (a real Codat's) except where a scenario says otherwise.
 * Run with `npm run bench:faults` (≈ 2–3 min); exits 1 when a count that must be 0 is not.
 */
import { WELL_KNOWN_API_KEY } from '@console/codat-emulator';
import type { AuditEventRecord, OperationRecord } from '@console/contracts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInTo, startBffProcess, type BffProcess, type browserOf } from '../test/bff-process.js';
import { emulatorControl } from './emulator-control.js';
import { startChild } from './ipc.js';
import { ms, table, verdict } from './report.js';

const ADMIN_PASSWORD = 'bench-faults-password-1';
const CODAT_LATENCY_MS = 300;
const CODAT_TIMEOUT_MS = 1_500;
const PREFIX = 'Faultbench';

type Browser = ReturnType<typeof browserOf>;

function write(line = ''): void {
  process.stdout.write(`${line}\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const emulator = await startChild('./emulator-process.ts');
const codatHeaders = { Authorization: `Basic ${Buffer.from(WELL_KNOWN_API_KEY).toString('base64')}`, 'Content-Type': 'application/json' };
const setFaults = (faults: Record<string, unknown>) => emulatorControl(emulator.url, 'PUT', '/faults', faults);

const dataDir = mkdtempSync(join(tmpdir(), 'console-bench-faults-'));
const startBff = () =>
  startBffProcess({
    CONSOLE_DATA_DIR: dataDir,
    CODAT_API_KEY: WELL_KNOWN_API_KEY,
    CODAT_BASE_URL: emulator.url,
    CODAT_TIMEOUT_MS: String(CODAT_TIMEOUT_MS),
    ADMIN_PASSWORD,
    MIRROR_SYNC_INTERVAL_MINUTES: '0',
  });

let bff: BffProcess = await startBff();
let admin: Browser = await signInTo(bff, 'admin@console.local', ADMIN_PASSWORD);

/** What the console told the user about one intent. */
type Told = { kind: 'created'; id: string } | { kind: 'duplicate' } | { kind: 'unknown'; operationId: number } | { kind: 'failed'; status: number };

/** One create as staff make it: the same key again after a network error, a 429 or "still running". */
async function createOnce(name: string, key = crypto.randomUUID()): Promise<Told> {
  // Long enough for the BFF to restart after the crash scenario's kill.
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    let answer: { status: number; body: { id: string; error?: { code: string; details: { operationId: number } } } };
    try {
      answer = await admin.json(`${bff.url}/api/companies`, { method: 'POST', body: { name }, headers: { 'Idempotency-Key': key } });
    } catch {
      await sleep(500);
      continue;
    }
    const code = answer.body?.error?.code;
    const error = answer.body?.error;
    if (answer.status === 201) return { kind: 'created', id: answer.body.id };
    if (code === 'possible_duplicate') return { kind: 'duplicate' };
    if (code === 'outcome_unknown' && error) return { kind: 'unknown', operationId: error.details.operationId };
    // Codat said no, or a read timed out: nothing happened, so the user tries again (same intent).
    if (answer.status === 429 || answer.status === 503 || code === 'codat_timeout' || code === 'idempotency_in_progress') {
      await sleep(1_000);
      continue;
    }
    return { kind: 'failed', status: answer.status };
  }
  return { kind: 'failed', status: 0 };
}

async function codatCompanies(): Promise<Array<{ id: string; name: string }>> {
  const response = await fetch(`${emulator.url}/companies?page=1&pageSize=5000`, { headers: codatHeaders });
  const page = (await response.json()) as { results: Array<{ id: string; name: string }> };
  return page.results.filter((company) => company.name.startsWith(PREFIX));
}

/** Every company.create audit entry, page by page. */
async function companyCreateEntries(): Promise<AuditEventRecord[]> {
  const entries: AuditEventRecord[] = [];
  const filter = encodeURIComponent('{"action":"company.create"}');
  for (let start = 0; ; start += 500) {
    const page = (await admin.json(`${bff.url}/api/audit-events?range=[${start},${start + 499}]&filter=${filter}`)).body as AuditEventRecord[];
    entries.push(...page);
    if (page.length < 500) return entries;
  }
}

async function settle(operationId: number, timeoutMs = 90_000): Promise<OperationRecord | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answer = await admin.json(`${bff.url}/api/operations/${operationId}`).catch(() => undefined);
    const record = answer?.body as OperationRecord | undefined;
    if (record && !['running', 'unknown'].includes(record.state)) return record;
    await sleep(500);
  }
  return undefined;
}

interface ScenarioResult {
  name: string;
  intents: Map<string, Told[]>;
}

async function burst(scenario: string, names: string[], during?: () => Promise<void>): Promise<ScenarioResult> {
  process.stderr.write(`${scenario}: ${names.length} creates…\n`);
  const intents = new Map<string, Told[]>();
  const sent = Promise.all(
    names.map(async (name) => {
      const told = await createOnce(name);
      intents.set(name, [...(intents.get(name) ?? []), told]);
    }),
  );
  await during?.();
  await sent;
  return { name: scenario, intents };
}

const results: ScenarioResult[] = [];
/** A new customer per intent: a random word keeps names far apart, so none is another's possible duplicate. */
const newCustomer = (scenario: string) => `${PREFIX} ${scenario} ${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')} Ltd`;

try {
  await setFaults({ latencyMs: CODAT_LATENCY_MS });

  // Idempotency's cost: the same create with and without a key, one at a time.
  const plain: number[] = [];
  const keyed: number[] = [];
  for (let i = 0; i < 30; i++) {
    for (const [list, withKey] of [[plain, false], [keyed, true]] as const) {
      const started = performance.now();
      await admin.json(`${bff.url}/api/companies`, {
        method: 'POST',
        body: { name: `${PREFIX} Cost ${withKey ? 'Keyed' : 'Plain'} ${i} Bakery` },
        headers: withKey ? { 'Idempotency-Key': crypto.randomUUID() } : {},
      });
      list.push(performance.now() - started);
    }
  }
  const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

  results.push(await burst('Racing', Array.from({ length: 100 }, () => `${PREFIX} Racing Customer Ltd`)));

  await setFaults({ latencyMs: CODAT_LATENCY_MS, burst: { status: 429, count: 150, retryAfterSeconds: 1 } });
  results.push(await burst('Storm', Array.from({ length: 50 }, () => newCustomer('Storm'))));

  await setFaults({ latencyMs: CODAT_TIMEOUT_MS + 1_000, methods: ['POST'] });
  results.push(await burst('Timeout', Array.from({ length: 50 }, () => newCustomer('Timeout'))));

  await setFaults({ latencyMs: 2_000, methods: ['POST'] });
  results.push(
    await burst('Crash', Array.from({ length: 50 }, () => newCustomer('Crash')), async () => {
      await sleep(800);
      await bff.kill('SIGKILL');
      await sleep(2_500);
      bff = await startBff();
      admin = await signInTo(bff, 'admin@console.local', ADMIN_PASSWORD);
    }),
  );
  await setFaults({});

  // Settle every unknown outcome, then compare with Codat and the audit log.
  const settled = new Map<number, OperationRecord | undefined>();
  for (const told of results.flatMap((result) => [...result.intents.values()].flat())) {
    if (told.kind === 'unknown' && !settled.has(told.operationId)) settled.set(told.operationId, await settle(told.operationId));
  }
  const companies = await codatCompanies();
  // An attempt the killed process wrote but never sent settles as failed once Codat could no longer apply it (settleMs).
  const openAttempts = (entries: AuditEventRecord[]) => {
    const finals = new Set(entries.filter((entry) => ['ok', 'failed', 'refused'].includes(entry.outcome)).map((entry) => entry.attemptId));
    return entries.filter((entry) => entry.outcome === 'attempt' && !finals.has(entry.id)).length;
  };
  let audit = await companyCreateEntries();
  const settleDeadline = Date.now() + 2 * CODAT_TIMEOUT_MS + 120_000;
  while (openAttempts(audit) > 0 && Date.now() < settleDeadline) {
    await sleep(2_000);
    audit = await companyCreateEntries();
  }
  const unresolvedAttempts = openAttempts(audit);

  const rows: string[][] = [];
  let mustBeZero = unresolvedAttempts;
  for (const result of results) {
    let created = 0;
    let reported = 0;
    let duplicated = 0;
    let lost = 0;
    let unresolved = 0;
    const answers = [...result.intents.values()].flat();
    for (const [name, told] of result.intents) {
      const made = companies.filter((company) => company.name === name);
      created += made.length;
      duplicated += Math.max(0, made.length - 1);
      const saidOk = new Set<string>();
      for (const answer of told) {
        if (answer.kind === 'created') saidOk.add(answer.id);
        if (answer.kind !== 'unknown') continue;
        const record = settled.get(answer.operationId);
        if (!record) unresolved += 1;
        else if (record.state === 'ok' && record.companyId) saidOk.add(record.companyId);
      }
      reported += saidOk.size;
      lost += made.filter((company) => !saidOk.has(company.id)).length + [...saidOk].filter((id) => !made.some((company) => company.id === id)).length;
    }
    mustBeZero += duplicated + lost + unresolved;
    const refused = answers.filter((answer) => answer.kind === 'duplicate').length;
    const failed = answers.filter((answer) => answer.kind === 'failed').map((answer) => (answer.kind === 'failed' ? answer.status : 0));
    rows.push([result.name, String(answers.length), String(created), String(reported), String(refused), failed.length ? `${failed.length} (${[...new Set(failed)].join(', ')})` : '0', String(duplicated), String(lost), String(unresolved)]);
  }

  write(`Exactly-once creates under faults: emulator, BFF (embedded PGlite) and load generator in separate processes; Codat latency ${CODAT_LATENCY_MS} ms, timeout ${CODAT_TIMEOUT_MS} ms`);
  write();
  write(table(['scenario', 'intents', 'created', 'reported', 'refused as duplicate', 'failed (status)', 'duplicated', 'lost', 'unresolved'], rows));
  write();
  write(`audit attempts of company.create without a final outcome: ${unresolvedAttempts}`);
  write(`create p50 without a key ${ms(p50(plain))}, with a key ${ms(p50(keyed))}: idempotency adds ${ms(p50(keyed) - p50(plain))}`);
  write(`${verdict(mustBeZero === 0)}: duplicated, lost and unresolved are ${mustBeZero === 0 ? 'all 0' : `${mustBeZero} in all`}`);
  process.exitCode = mustBeZero === 0 ? 0 : 1;
} finally {
  await bff.kill('SIGTERM');
  await emulator.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

import { parseArgs } from 'node:util';
import { WELL_KNOWN_API_KEY, type BankFeedsVersion } from './config.js';
import { MAX_FLEET_COMPANIES } from './seed/fleet.js';
import { DEFAULT_COMPANIES, DEFAULT_SEED, SCENARIOS, type ScenarioName } from './seed/scenarios.js';

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = '127.0.0.1';

export const USAGE = `Usage: codat-emulator [options]

A local Codat API (Platform + Bank Feeds), Link pages, webhooks and a control API at /_emulator.

Options:
  --port <n>                 port to listen on, 0 for any free port (default ${DEFAULT_PORT})
  --host <host>              interface to bind (default ${DEFAULT_HOST})
  --scenario <name>          ${SCENARIOS.join(' | ')} (default demo: generated companies plus well-known fixtures)
  --companies <n>            generated companies for demo and fleet (default ${DEFAULT_COMPANIES}, max ${MAX_FLEET_COMPANIES})
  --seed <n>                 seed for the generated data; the same seed gives the same data (default ${DEFAULT_SEED})
  --api-key <key>            the API key clients send as Basic auth (default ${WELL_KNOWN_API_KEY})
  --bank-feeds-version <v>   v1 | v2 source-account shape (default v2)
  --sync-step-ms <n>         length of each pull-operation phase in ms (default 1500)
  --webhook-url <url>        POST Codat webhook events here
  --webhook-secret <secret>  whsec_<base64> signing secret (default: generated and printed)
  -h, --help                 show this help
`;

/** A bad command line; the CLI prints the message and exits with code 2. */
export class CliUsageError extends Error {}

export interface CliOptions {
  help: boolean;
  port: number;
  host: string;
  scenario: ScenarioName;
  companies: number;
  seed: number;
  apiKey: string;
  bankFeedsVersion: BankFeedsVersion;
  syncStepMs?: number;
  webhookUrl?: string;
  webhookSecret?: string;
}

function integer(flag: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new CliUsageError(`--${flag} must be a whole number from ${min} to ${max} (got '${raw}')`);
  }
  return value;
}

function oneOf<T extends string>(flag: string, raw: string | undefined, allowed: readonly T[]): T | undefined {
  if (raw === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new CliUsageError(`--${flag} must be one of ${allowed.join(', ')} (got '${raw}')`);
  }
  return raw as T;
}

function nonEmpty(flag: string, raw: string | undefined): string | undefined {
  if (raw !== undefined && raw.trim() === '') throw new CliUsageError(`--${flag} must not be empty`);
  return raw;
}

function webhookUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw new CliUsageError(`--webhook-url must be an http(s) URL (got '${raw}')`);
  }
  return raw;
}

function webhookSecret(raw: string | undefined, url: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!url) throw new CliUsageError('--webhook-secret needs --webhook-url');
  if (!/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(raw)) {
    throw new CliUsageError(`--webhook-secret must look like whsec_<base64> (got '${raw}')`);
  }
  return raw;
}

const stringFlag = { type: 'string' } as const;

/** Parses `process.argv.slice(2)`. Throws CliUsageError naming the offending flag. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  const url = webhookUrl(values['webhook-url']);
  return {
    help: values.help ?? false,
    port: integer('port', values.port, 0, 65_535) ?? DEFAULT_PORT,
    host: nonEmpty('host', values.host) ?? DEFAULT_HOST,
    scenario: oneOf('scenario', values.scenario, SCENARIOS) ?? 'demo',
    companies: integer('companies', values.companies, 0, MAX_FLEET_COMPANIES) ?? DEFAULT_COMPANIES,
    seed: integer('seed', values.seed, 0, Number.MAX_SAFE_INTEGER) ?? DEFAULT_SEED,
    apiKey: nonEmpty('api-key', values['api-key']) ?? WELL_KNOWN_API_KEY,
    bankFeedsVersion: oneOf('bank-feeds-version', values['bank-feeds-version'], ['v1', 'v2'] as const) ?? 'v2',
    syncStepMs: integer('sync-step-ms', values['sync-step-ms'], 1, 3_600_000),
    webhookUrl: url,
    webhookSecret: webhookSecret(values['webhook-secret'], url),
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      help: { type: 'boolean', short: 'h' },
      port: stringFlag,
      host: stringFlag,
      scenario: stringFlag,
      companies: stringFlag,
      seed: stringFlag,
      'api-key': stringFlag,
      'bank-feeds-version': stringFlag,
      'sync-step-ms': stringFlag,
      'webhook-url': stringFlag,
      'webhook-secret': stringFlag,
    },
  });
}

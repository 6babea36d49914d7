import { randomBytes } from 'node:crypto';
import { CliUsageError, parseCliArgs, USAGE, type CliOptions } from './cli-args.js';
import type { EmulatorConfig } from './config.js';
import { seedScenario } from './seed/scenarios.js';
import type { StoreSummary } from './seed/summary.js';
import { startEmulator } from './server.js';

/** `codat-emulator`: parses flags, seeds, serves until SIGTERM/SIGINT. Exit codes: 0 ok, 1 failure, 2 bad flags. */

function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function emulatorConfig(options: CliOptions): Partial<EmulatorConfig> {
  const config: Partial<EmulatorConfig> = { apiKey: options.apiKey, bankFeedsVersion: options.bankFeedsVersion };
  if (options.syncStepMs !== undefined) config.syncStepMs = options.syncStepMs;
  if (options.webhookUrl) {
    config.webhook = { url: options.webhookUrl, secret: options.webhookSecret ?? `whsec_${randomBytes(24).toString('base64')}` };
  }
  return config;
}

function describeSeed(options: CliOptions, summary: StoreSummary, elapsedMs: number): string {
  const statuses = Object.entries(summary.connectionsByStatus)
    .map(([status, count]) => `${status} ${count}`)
    .join(', ');
  return [
    `Seeded scenario "${options.scenario}" (seed ${options.seed}) in ${elapsedMs} ms:`,
    `  ${summary.companies} companies (${summary.companiesWithoutConnections} without connections, ${summary.activeConnectedCompanies} active connected)`,
    `  ${summary.connections} connections (${statuses}; ${summary.connectionsWithActiveErrors} with active errors)`,
    `  ${summary.sourceAccounts} bank-feed source accounts, ${summary.datasets} pull operations`,
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`codat-emulator: ${error.message}\nRun codat-emulator --help for the options.\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }

  let seedReport = '';
  const running = await startEmulator({
    port: options.port,
    host: options.host,
    config: emulatorConfig(options),
    setup: (emu) => {
      const startedMs = performance.now();
      const summary = seedScenario(emu, { scenario: options.scenario, companies: options.companies, seed: options.seed });
      seedReport = describeSeed(options, summary, Math.round(performance.now() - startedMs));
    },
  });
  const { config } = running.emu;
  out(`Codat emulator listening on ${running.url}`);
  out(`  API key:        ${config.apiKey}`);
  out(`  Authorization:  Basic ${Buffer.from(config.apiKey).toString('base64')}`);
  out(`  Bank feeds API: ${config.bankFeedsVersion}`);
  if (config.webhook) out(`  Webhooks:       ${config.webhook.url} (secret ${config.webhook.secret})`);
  out(`  Control API:    ${running.url}/_emulator/state`);
  out(seedReport);
  out('Stop with Ctrl+C.');

  const stop = (): void => {
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('codat-emulator: failed to close the server', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  const message = code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' ? (error as Error).message : error;
  console.error('codat-emulator: could not start:', message);
  process.exit(1);
});

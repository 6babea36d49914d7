import { describe, expect, it } from 'vitest';
import { WELL_KNOWN_API_KEY } from './config.js';
import { CliUsageError, DEFAULT_PORT, parseCliArgs } from './cli-args.js';
import { DEFAULT_COMPANIES } from './seed/scenarios.js';

describe('parseCliArgs', () => {
  it('has defaults for everything', () => {
    expect(parseCliArgs([])).toEqual({
      help: false,
      port: DEFAULT_PORT,
      host: '127.0.0.1',
      scenario: 'demo',
      companies: DEFAULT_COMPANIES,
      seed: 1,
      apiKey: WELL_KNOWN_API_KEY,
      bankFeedsVersion: 'v2',
      syncStepMs: undefined,
      webhookUrl: undefined,
      webhookSecret: undefined,
    });
  });

  it('reads every flag', () => {
    const options = parseCliArgs([
      '--port=0', '--host', '0.0.0.0', '--scenario', 'fleet', '--companies', '5000', '--seed', '77',
      '--api-key', 'secret-key', '--bank-feeds-version', 'v1', '--sync-step-ms', '250',
      '--webhook-url', 'http://localhost:9000/hooks', '--webhook-secret', 'whsec_c2VjcmV0',
    ]);
    expect(options).toMatchObject({
      port: 0, host: '0.0.0.0', scenario: 'fleet', companies: 5000, seed: 77, apiKey: 'secret-key',
      bankFeedsVersion: 'v1', syncStepMs: 250, webhookUrl: 'http://localhost:9000/hooks', webhookSecret: 'whsec_c2VjcmV0',
    });
    expect(parseCliArgs(['-h']).help).toBe(true);
  });

  it('names the offending flag', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--port', 'abc'], /--port must be a whole number from 0 to 65535 \(got 'abc'\)/],
      [['--port', '70000'], /--port/],
      [['--port', '-1'], /--port/],
      [['--companies', '1e3'], /--companies/],
      [['--companies', '600000'], /--companies must be a whole number from 0 to 500000/],
      [['--seed', '1.5'], /--seed/],
      [['--scenario', 'big'], /--scenario must be one of demo, fleet, empty \(got 'big'\)/],
      [['--bank-feeds-version', 'v3'], /--bank-feeds-version/],
      [['--sync-step-ms', '0'], /--sync-step-ms/],
      [['--api-key', ''], /--api-key must not be empty/],
      [['--webhook-url', 'ftp://x'], /--webhook-url must be an http\(s\) URL/],
      [['--webhook-secret', 'whsec_abc'], /--webhook-secret needs --webhook-url/],
      [['--webhook-url', 'http://x', '--webhook-secret', 'plain'], /--webhook-secret must look like whsec_/],
      [['--frobnicate'], /--frobnicate/],
      [['--port'], /--port/],
      [['extra'], /extra/],
    ];
    for (const [argv, message] of cases) {
      expect(() => parseCliArgs(argv), argv.join(' ')).toThrow(CliUsageError);
      expect(() => parseCliArgs(argv), argv.join(' ')).toThrow(message);
    }
  });
});

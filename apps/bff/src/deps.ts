import type { CodatClient } from '@console/codat-client';
import type { Logger } from './observability/logger.js';
import type { Metrics } from './observability/metrics.js';

/** Settings routes need, derived from the environment at boot. */
export interface BffSettings {
  /** The Codat client's invite URL, if configured. */
  inviteUrl?: string;
  /** Tag key that holds a customer's merchant id. */
  merchantIdTag: string;
  maxBodyBytes: number;
  /** Directory of the built SPA; not served when absent. */
  spaDir?: string;
}

/** Everything the BFF's routes use, injected so tests run the real app against the real emulator. */
export interface BffDeps {
  codat: CodatClient;
  logger: Logger;
  metrics: Metrics;
  settings: BffSettings;
  now: () => number;
  /** Named readiness checks for /readyz (Codat reachable, database reachable). */
  readinessChecks: Record<string, () => Promise<void>>;
}

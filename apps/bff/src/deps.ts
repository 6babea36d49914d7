import type { CodatClient } from '@console/codat-client';
import type { AuthSettings } from './auth/settings.js';
import type { Db } from './db/database.js';
import type { ResolverSettings } from './exactly-once/resolve.js';
import type { JobSettings } from './jobs/runner.js';
import type { MirrorSettings } from './mirror/settings.js';
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
  /** Sign-in, sessions and SSO. */
  auth: AuthSettings;
  /** How unknown outcomes are settled; RESOLVER_DEFAULTS when absent. */
  actions?: ResolverSettings;
  /** The fleet mirror, its webhooks and reports; MIRROR_DEFAULTS when absent. */
  mirror?: MirrorSettings;
  /** Bulk jobs; JOB_DEFAULTS when absent. */
  jobs?: JobSettings;
}

/** Everything the BFF's routes use, injected so tests run the real app against the real emulator. */
export interface BffDeps {
  codat: CodatClient;
  logger: Logger;
  metrics: Metrics;
  settings: BffSettings;
  /** Staff, sessions and the audit log: PGlite or PostgreSQL. */
  db: Db;
  now: () => number;
  /** Named readiness checks for /readyz (Codat reachable, database reachable). */
  readinessChecks: Record<string, () => Promise<void>>;
}

import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { integrationCatalog } from '../codat/integration-catalog.js';
import type { BffDeps } from '../deps.js';
import { requestsInFlight } from '../http/requests-in-flight.js';
import type { EventContext } from '../webhooks/codat-events.js';
import { createMirrorStore } from './db/store.js';
import { createMirrorJob, type MirrorJob } from './job.js';
import { MIRROR_DEFAULTS, type MirrorSettings } from './settings.js';
import type { MirrorStore } from './store.js';
import type { SyncContext } from './sync.js';

export interface MirrorRuntime {
  settings: MirrorSettings;
  store: MirrorStore;
  /** This replica's sync job (scheduled by main.ts; run-now from the mirror-syncs resource). */
  job: MirrorJob;
  sync: SyncContext;
  events: EventContext;
}

const runtimes = new WeakMap<BffDeps, MirrorRuntime>();

/** Longest a sync waits for /api requests between two slices of a page. */
const REQUESTS_FIRST_MAX_WAIT_MS = 100;

/** A name for this replica on a lease (mirror sync, jobs): host, process and a random part. */
export const replicaName = () => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** The mirror of one app's dependencies, created on first use and shared by its routes and main.ts. */
export function mirrorRuntime(deps: BffDeps): MirrorRuntime {
  let runtime = runtimes.get(deps);
  if (runtime) return runtime;
  const settings = deps.settings.mirror ?? MIRROR_DEFAULTS;
  const store = createMirrorStore(deps.db, settings.billableRule);
  const platformKeys: SyncContext['platformKeys'] = (connections) => integrationCatalog(deps.codat, deps.now).keyResolver(connections);
  const sync: SyncContext = {
    codat: deps.codat,
    store,
    logger: deps.logger,
    settings,
    merchantIdTag: deps.settings.merchantIdTag,
    holder: replicaName(),
    now: deps.now,
    sleep: (ms) => delay(ms),
    platformKeys,
    yieldToRequests: (maxWaitMs = REQUESTS_FIRST_MAX_WAIT_MS) => requestsInFlight(deps).idle(maxWaitMs),
  };
  runtime = {
    settings,
    store,
    job: createMirrorJob(sync),
    sync,
    events: { store, merchantIdTag: deps.settings.merchantIdTag, platformKeys, now: deps.now },
  };
  runtimes.set(deps, runtime);
  return runtime;
}

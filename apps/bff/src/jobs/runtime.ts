import { setTimeout as delay } from 'node:timers/promises';
import type { BffDeps } from '../deps.js';
import { replicaName } from '../mirror/runtime.js';
import { createJobRunner, JOB_DEFAULTS, type JobRunner } from './runner.js';

const runners = new WeakMap<BffDeps, JobRunner>();

/** This replica's job runner, created on first use and shared by the jobs routes and main.ts. */
export function jobRunner(deps: BffDeps): JobRunner {
  let runner = runners.get(deps);
  if (!runner) {
    runner = createJobRunner({
      db: deps.db,
      codat: deps.codat,
      logger: deps.logger,
      now: deps.now,
      sleep: (ms) => delay(ms),
      holder: replicaName(),
      settings: deps.settings.jobs ?? JOB_DEFAULTS,
    });
    runners.set(deps, runner);
  }
  return runner;
}

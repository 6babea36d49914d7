/**
 * Child process of the mirror benchmark: the Codat emulator with a 100,000-company fleet. The
 * fleet seed gives ~1.24 connections per company; banking and commerce connections are added to
 * every company that has any (and to a share of those without) until the fleet holds ~250,000,
 * spread over statuses, a tenth with an active error. Reports its URL, the ground-truth counts and
 * sample search terms: names, ids, and merchant ids as the seed gave them (its merchant-id tags).
 */
import { randomUUID } from 'node:crypto';
import { MERCHANT_TAG, seedScenario, startEmulator, summarizeStore } from '@console/codat-emulator';
import { sendReady } from './ipc.js';

const COMPANIES = Number(process.env.MIRROR_BENCH_COMPANIES ?? 100_000);
const TARGET_CONNECTIONS = Number(process.env.MIRROR_BENCH_CONNECTIONS ?? 250_000);
const EXTRA_KEYS = ['suuo', 'upvr', 'dfxm', 'zsth', 'fztf', 'exgd', 'ugxp', 'qkdj', 'aiwb'];
const STATUSES = ['Linked', 'Linked', 'Linked', 'Linked', 'Deauthorized', 'Unlinked', 'PendingAuth'] as const;

const running = await startEmulator({
  setup: (emu) => {
    seedScenario(emu, { scenario: 'fleet', companies: COMPANIES, seed: 1 });
    const { store } = emu;
    const ids = store.companyOrder;
    let added = 0;
    for (let round = 0; store.connections.size < TARGET_CONNECTIONS; round += 1) {
      for (let i = 0; i < ids.length && store.connections.size < TARGET_CONNECTIONS; i += 1) {
        const company = store.companies.get(ids[i]!)!;
        const n = added++;
        const createdMs = company.createdMs + 3_600_000 * (1 + (n % 500));
        const status = STATUSES[n % STATUSES.length]!;
        store.addConnection({
          id: randomUUID(),
          companyId: company.id,
          integrationKey: EXTRA_KEYS[(n + round) % EXTRA_KEYS.length]!,
          status,
          created: new Date(Math.min(createdMs, Date.now() - 60_000)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          createdMs,
          errors:
            n % 10 === 0 && status !== 'Linked'
              ? [{ statusCode: '503', statusText: 'Service Unavailable', errorMessage: 'The platform is temporarily unavailable.', erroredOnUtc: new Date(Date.now() - (n % 30) * 86_400_000).toISOString(), status: 'Active' }]
              : [],
          otps: [],
        });
      }
    }
  },
});
const summary = summarizeStore(running.emu.store);
const sample = running.emu.store.companyOrder.slice(0, 2000).map((id) => running.emu.store.companies.get(id)!);
const names = sample.map((company) => company.name);
const merchantIds = sample.flatMap((company) => company.tags?.[MERCHANT_TAG] ?? []);
sendReady({ url: running.url, companyIds: running.emu.store.companyOrder.slice(0, 500), summary, names, merchantIds } as never);

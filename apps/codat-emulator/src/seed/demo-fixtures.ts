import type { CompanyRecord, ConnectionStatus, SourceAccountRecord } from '../store/types.js';
import { addCompanyConnections } from './company-connections.js';
import { activeError, resolvedError, type ConnectionErrorKind } from './connection-errors.js';
import type { ConnectionPlan } from './connections.js';
import { DAY_MS, MINUTE_MS, type SeedContext } from './context.js';
import { DEMO_FIXTURES as F } from './fixtures.js';
import { timestamp } from './flat-strings.js';
import { MERCHANT_TAG } from './fleet.js';
import type { ConnectionRole } from './platform-mix.js';
import { SeededRandom } from './random.js';
import { seedSourceAccounts } from './source-accounts.js';
import type { Region } from './words.js';

interface FixtureConnection {
  id: string;
  key: string;
  role: ConnectionRole;
  status: ConnectionStatus;
  /** The connection's only error; none when absent. */
  error?: { kind: ConnectionErrorKind; status: 'Active' | 'Resolved' };
  accounts?: { count: number; status: SourceAccountRecord['status'] };
}

interface FixtureCompany {
  id: string;
  name: string;
  merchantId: string;
  region: Region;
  ageDays: number;
  tagged: boolean;
  description?: string;
  connections: FixtureConnection[];
}

const SPECS: FixtureCompany[] = [
  {
    id: F.duplicateCustomer.companyIds[0], name: F.duplicateCustomer.name, merchantId: F.duplicateCustomer.merchantId,
    region: 'uk', ageDays: 420, tagged: true,
    connections: [{ id: F.duplicateCustomer.connectionId, key: 'gbol', role: 'accounting', status: 'Linked' }],
  },
  {
    id: F.duplicateCustomer.companyIds[1], name: F.duplicateCustomer.name, merchantId: F.duplicateCustomer.merchantId,
    region: 'uk', ageDays: 35, tagged: true, connections: [],
  },
  {
    id: F.duplicateCustomer.companyIds[2], name: F.duplicateCustomer.nearDuplicateName, merchantId: F.duplicateCustomer.merchantId,
    region: 'uk', ageDays: 2, tagged: false, description: `Merchant ${F.duplicateCustomer.merchantId}`, connections: [],
  },
  {
    id: F.activeError.companyId, name: F.activeError.name, merchantId: F.activeError.merchantId,
    region: 'uk', ageDays: 610, tagged: true, description: `Merchant ${F.activeError.merchantId}`,
    connections: [{
      id: F.activeError.connectionId, key: 'qhyg', role: 'accounting', status: 'Deauthorized',
      error: { kind: 'deauthorized', status: 'Active' },
    }],
  },
  {
    id: F.userCancelled.companyId, name: F.userCancelled.name, merchantId: F.userCancelled.merchantId,
    region: 'us', ageDays: 3, tagged: true,
    connections: [{
      id: F.userCancelled.connectionId, key: 'gbol', role: 'accounting', status: 'PendingAuth',
      error: { kind: 'userCancelled', status: 'Active' },
    }],
  },
  {
    id: F.pendingBankFeed.companyId, name: F.pendingBankFeed.name, merchantId: F.pendingBankFeed.merchantId,
    region: 'us', ageDays: 150, tagged: true,
    connections: [
      { id: F.pendingBankFeed.accountingConnectionId, key: 'qhyg', role: 'accounting', status: 'Linked' },
      {
        id: F.pendingBankFeed.connectionId, key: 'hcws', role: 'bankFeed', status: 'PendingAuth',
        accounts: { count: F.pendingBankFeed.sourceAccountIds.length, status: 'pending' },
      },
    ],
  },
  {
    id: F.bankFeedAccounts.companyId, name: F.bankFeedAccounts.name, merchantId: F.bankFeedAccounts.merchantId,
    region: 'uk', ageDays: 300, tagged: true,
    connections: [{
      id: F.bankFeedAccounts.connectionId, key: 'gbol', role: 'accounting', status: 'Linked',
      error: { kind: 'rateLimited', status: 'Resolved' },
      accounts: { count: F.bankFeedAccounts.sourceAccountIds.length, status: 'connected' },
    }],
  },
  {
    id: F.noConnections.companyId, name: F.noConnections.name, merchantId: F.noConnections.merchantId,
    region: 'ie', ageDays: 12, tagged: true, connections: [],
  },
];

const FIXTURE_SEED = 20_240_926;

/** Writes the well-known demo companies (DEMO_FIXTURES) into the store. */
export function seedDemoFixtures(ctx: SeedContext): void {
  for (const [index, spec] of SPECS.entries()) {
    const rng = new SeededRandom(FIXTURE_SEED, index + 1);
    const createdMs = ctx.anchorMs - spec.ageDays * DAY_MS;
    const company: CompanyRecord = {
      id: spec.id,
      name: spec.name,
      description: spec.description ?? '',
      created: timestamp(createdMs, 'seconds'),
      createdMs,
      products: [],
      connectionIds: [],
    };
    if (spec.tagged) company.tags = { [MERCHANT_TAG]: spec.merchantId };
    ctx.store.addCompany(company);
    const plans: ConnectionPlan[] = spec.connections.map((c) => ({
      id: c.id, key: c.key, role: c.role, status: c.status, hostsBankFeed: c.accounts !== undefined,
    }));
    addCompanyConnections(ctx, rng, company, spec.region, plans, ({ connection, endedMs }, plan) => {
      const error = spec.connections.find((c) => c.id === plan.id)?.error;
      const startMs = connection.createdMs + 4 * MINUTE_MS;
      if (!error) connection.errors = [];
      else if (error.status === 'Active') connection.errors = [activeError(error.kind, endedMs ?? startMs)];
      else connection.errors = [resolvedError(error.kind, startMs, startMs + 3 * 60 * MINUTE_MS)];
    });
    for (const { id, accounts } of spec.connections) {
      if (!accounts) continue;
      const connection = ctx.store.connections.get(id)!;
      ctx.store.sourceAccounts.set(id, seedSourceAccounts(ctx, rng, connection, spec.region, accounts));
    }
  }
}

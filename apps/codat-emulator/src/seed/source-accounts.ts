import { isoDate } from '../domain/dates.js';
import { timestamp } from './flat-strings.js';
import type { ConnectionRecord, SourceAccountRecord } from '../store/types.js';
import { DAY_MS, type SeedContext } from './context.js';
import { weightedTable, type SeededRandom } from './random.js';
import { CURRENCY_BY_REGION, type Region } from './words.js';

type Kind = 'checking' | 'savings' | 'creditCard' | 'loan';

const KINDS = weightedTable<Kind>([['checking', 60], ['savings', 20], ['creditCard', 17], ['loan', 3]]);

const NAMES: Record<Kind, readonly string[]> = {
  checking: ['Business Current Account', 'Everyday Business Account', 'Operating Account', 'Business Checking'],
  savings: ['Business Savings Account', 'Reserve Account', 'Tax Reserve'],
  creditCard: ['Business Credit Card', 'Corporate Card', 'Business Platinum Card'],
  loan: ['Business Loan', 'Equipment Finance'],
};

/** v1 has no account-type enum; Codat's own mapping puts cards and loans under Credit. */
const V1_TYPE: Record<Kind, string> = { checking: 'Debit', savings: 'Debit', creditCard: 'Credit', loan: 'Credit' };

const ROUTING: Record<Region, { type: string; digits: number }> = {
  uk: { type: 'sortcode', digits: 6 },
  ie: { type: 'iban', digits: 0 },
  us: { type: 'rtn', digits: 9 },
  ca: { type: 'bankcode', digits: 8 },
  au: { type: 'bsb', digits: 6 },
  nz: { type: 'nz2', digits: 6 },
};

const COUNTS = weightedTable([[1, 55], [2, 35], [3, 10]]);

type IdStyle = (rng: SeededRandom, n: number) => string;
const SEQUENTIAL_IDS: IdStyle = (_rng, n) => `acc-${String(n).padStart(3, '0')}`;
const ID_STYLES = weightedTable<IdStyle>([
  [SEQUENTIAL_IDS, 5],
  [(rng) => rng.digits(8), 3],
  [(rng) => rng.uuid(), 2],
]);

const LINKED_ACCOUNT_STATUS = weightedTable<SourceAccountRecord['status']>([['connected', 85], ['pending', 10], ['connecting', 5]]);

function accountStatus(rng: SeededRandom, connection: ConnectionRecord): SourceAccountRecord['status'] {
  switch (connection.status) {
    case 'PendingAuth':
      return 'pending';
    case 'Unlinked':
      return 'disconnected';
    // The feed stopped but Codat cannot ask the platform: the last known state stays.
    case 'Deauthorized':
      return 'connected';
    case 'Linked':
      return rng.weighted(LINKED_ACCOUNT_STATUS);
  }
}

function balance(rng: SeededRandom, kind: Kind): number {
  const amount = Math.round(rng.between(50, kind === 'loan' ? 250_000 : 80_000) * 100) / 100;
  return kind === 'creditCard' || kind === 'loan' ? -amount : amount;
}

/**
 * Bank-feed source accounts in the emulator's account version, with statuses that follow the
 * connection: pending before linking, connected (mapped, with a feed start date) once linked.
 */
export function seedSourceAccounts(
  ctx: SeedContext,
  rng: SeededRandom,
  connection: ConnectionRecord,
  region: Region,
  /** Fixtures pin these; otherwise they are drawn. Pinned accounts get ids `acc-001`, `acc-002`, … */
  pinned: { count: number; status: SourceAccountRecord['status'] } | undefined = undefined,
): SourceAccountRecord[] {
  const idStyle = pinned ? SEQUENTIAL_IDS : rng.weighted(ID_STYLES);
  const currency = CURRENCY_BY_REGION[region];
  const count = pinned?.count ?? rng.weighted(COUNTS);
  const accounts: SourceAccountRecord[] = [];
  for (let n = 1; n <= count; n += 1) {
    const kind = n === 1 ? 'checking' : rng.weighted(KINDS);
    const status = pinned?.status ?? accountStatus(rng, connection);
    const modifiedMs = connection.createdMs + Math.round(rng.between(0, Math.min(2 * DAY_MS, ctx.anchorMs - connection.createdMs)));
    const routing = ROUTING[region];
    const account: SourceAccountRecord = {
      version: ctx.bankFeedsVersion,
      id: idStyle(rng, n),
      accountName: rng.pick(NAMES[kind]),
      accountType: ctx.bankFeedsVersion === 'v2' ? kind : V1_TYPE[kind],
      accountNumber: rng.digits(region === 'us' ? 10 : 8),
      sortCode: currency === 'GBP' ? rng.digits(6) : null,
      currency,
      balance: balance(rng, kind),
      modifiedDate: timestamp(modifiedMs),
      status,
    };
    if (status === 'connected') {
      account.feedStartDate = ctx.bankFeedsVersion === 'v2' ? isoDate(modifiedMs) : timestamp(modifiedMs);
      account.targetAccountId = rng.uuid();
    }
    if (ctx.bankFeedsVersion === 'v2') {
      account.routingInfo = { bankCode: routing.digits > 0 ? rng.digits(routing.digits) : null, type: routing.type };
      account.accountInfo = rng.chance(0.2) ? { description: null, nickname: account.accountName, accountOpenDate: null, availableBalance: account.balance } : null;
    }
    accounts.push(account);
  }
  return accounts;
}

import { flat, timestamp } from './flat-strings.js';
import type { Emulator } from '../emulator.js';
import type { CompanyRecord } from '../store/types.js';
import { addCompanyConnections } from './company-connections.js';
import { planConnections } from './connections.js';
import { DAY_MS, HOUR_MS, seedContext, type SeedContext } from './context.js';
import { companyName, nearDuplicateName } from './names.js';
import { REGIONS } from './platform-mix.js';
import { SeededRandom } from './random.js';
import { DESCRIPTIONS, PORTAL_USERS, type Region } from './words.js';

export interface FleetOptions {
  companies: number;
  seed: number;
  /** All generated dates precede this instant; defaults as in `seedContext`. */
  anchorMs?: number;
}

/**
 * The tag key carrying the customer's merchant id, e.g. `{ merchantId: 'M-482913' }` (about
 * two thirds of generated companies). Some companies carry it only in `description`, as
 * `Merchant M-482913`, the way customers put foreign ids there before Codat had tags.
 */
export const MERCHANT_TAG = 'merchantId';
export const MAX_FLEET_COMPANIES = 500_000;

/** Company creation dates spread over the last three years, denser towards today (a growing fleet). */
const HISTORY_MS = 3 * 365 * DAY_MS;
const DUPLICATE_SHARE = 0.05;

interface FleetEntry {
  company: CompanyRecord;
  region: Region;
  merchantId: string;
}

function createdAt(anchorMs: number, index: number, total: number, rng: SeededRandom): number {
  const position = (index + rng.next()) / total;
  return Math.round(anchorMs - HOUR_MS - HISTORY_MS * (1 - position) ** 1.6);
}

/** Unique per company for fleets up to 800,000 (7919 is coprime with 800,000); never in the fixtures' M-100xxx range. */
function merchantIdFor(seed: number, index: number): string {
  return `M-${200_000 + ((index * 7919 + (seed % 800_000) * 104_729) % 800_000)}`;
}

type Identity = Omit<FleetEntry, 'company'> & Pick<CompanyRecord, 'name' | 'description' | 'tags'>;

function freshIdentity(rng: SeededRandom, seed: number, index: number): Identity {
  const region = rng.weighted(REGIONS);
  const merchantId = merchantIdFor(seed, index);
  const tags: Record<string, string> = {};
  if (rng.chance(0.65)) tags[MERCHANT_TAG] = merchantId;
  if (rng.chance(0.2)) tags.region = region;
  const roll = rng.next();
  const description = roll < 0.12 ? `Merchant ${merchantId}` : roll < 0.27 ? rng.pick(DESCRIPTIONS) : '';
  return { region, merchantId, name: companyName(rng, region), description, tags: Object.keys(tags).length > 0 ? tags : undefined };
}

/** The same customer onboarded again: the same name (60%) or one typed slightly differently. */
function duplicateIdentity(rng: SeededRandom, original: FleetEntry): Identity {
  const exact = rng.chance(0.6);
  const { company } = original;
  const keepsTags = exact || rng.chance(0.5);
  return {
    region: original.region,
    merchantId: original.merchantId,
    name: exact ? company.name : nearDuplicateName(rng, company.name),
    description: exact ? company.description : '',
    tags: keepsTags && company.tags ? { ...company.tags } : undefined,
  };
}

function seedCompany(ctx: SeedContext, seed: number, index: number, total: number, earlier: readonly FleetEntry[]): FleetEntry {
  const rng = new SeededRandom(seed, index + 1);
  const createdMs = createdAt(ctx.anchorMs, index, total, rng);
  const original = index > 0 && rng.chance(DUPLICATE_SHARE) ? earlier[index - rng.int(1, Math.min(index, 5000))] : undefined;
  const identity = original ? duplicateIdentity(rng, original) : freshIdentity(rng, seed, index);
  const company: CompanyRecord = {
    id: rng.uuid(),
    name: flat(identity.name),
    description: identity.description && flat(identity.description),
    created: timestamp(createdMs, 'seconds'),
    createdMs,
    products: rng.chance(0.25) ? ['lending'] : [],
    connectionIds: [],
  };
  if (identity.tags) company.tags = identity.tags;
  if (rng.chance(0.2)) company.createdByUserName = rng.pick(PORTAL_USERS);
  ctx.store.addCompany(company);
  // Half of the duplicates were abandoned before any platform was linked.
  const plans = planConnections(rng, identity.region, original && rng.chance(0.5) ? 'none' : undefined);
  addCompanyConnections(ctx, rng, company, identity.region, plans);
  return { company, region: identity.region, merchantId: identity.merchantId };
}

/**
 * Appends `companies` generated companies to the store, deterministically: the same seed and
 * anchor give identical ids, names, tags, statuses and dates. Company `i` draws from its own
 * stream, so growing the fleet does not rename or re-id the companies already in it. Records
 * are written straight into the store (fast: no events, no per-request machinery).
 */
export function seedFleet(emu: Emulator, options: FleetOptions): void {
  const total = options.companies;
  if (!Number.isSafeInteger(total) || total < 0 || total > MAX_FLEET_COMPANIES) {
    throw new RangeError(`companies must be an integer from 0 to ${MAX_FLEET_COMPANIES}`);
  }
  if (!Number.isSafeInteger(options.seed) || options.seed < 0) throw new RangeError('seed must be a non-negative integer');
  const ctx = seedContext(emu, options.anchorMs);
  const entries: FleetEntry[] = [];
  for (let index = 0; index < total; index += 1) entries.push(seedCompany(ctx, options.seed, index, total, entries));
}

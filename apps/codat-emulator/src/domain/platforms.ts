import type { SourceType } from '../store/types.js';
import { stableUuid } from './ids.js';

export interface Platform {
  key: string;
  name: string;
  sourceType: SourceType;
  integrationId: string;
  sourceId: string;
  /** Sandbox integrations are excluded from billable counts. */
  sandbox?: boolean;
  isOfflineConnector?: boolean;
  isBeta?: boolean;
  enabled: boolean;
}

type Entry = [key: string, name: string, sourceType: SourceType, ids?: [string, string], extra?: Partial<Platform>];

// Keys, names and the published example ids from CODAT.md §13.
const ENTRIES: Entry[] = [
  ['gbol', 'Xero', 'Accounting', ['0f20c943-12d0-4800-9f6c-d218f62d494c', '8a156a5a-39cb-4f9d-856e-76ef9b9a9607']],
  ['qhyg', 'QuickBooks Online', 'Accounting'],
  ['ndsk', 'QuickBooks Online Sandbox', 'Accounting', undefined, { sandbox: true }],
  ['pqsw', 'QuickBooks Desktop', 'Accounting', undefined, { isOfflineConnector: true }],
  ['akxx', 'Oracle NetSuite', 'Accounting', ['4fb72939-e59d-4e8b-90f2-59b85b7fc75d', '76b3c892-c852-4aec-a835-e453497a99d5']],
  ['fbrh', 'FreeAgent', 'Accounting'],
  ['tgff', 'Sage Accounting', 'Accounting'],
  ['hbql', 'Sage 50 (UK & Ireland)', 'Accounting', ['18cb53c4-3807-4a5a-8da9-303053a40002', stableUuid('source:hbql')], { isOfflineConnector: true }],
  ['jcrp', 'Sage 200 Standard', 'Accounting'],
  ['knfz', 'Sage Intacct', 'Accounting'],
  ['trji', 'Dynamics 365 Business Central', 'Accounting'],
  ['rqwd', 'Dynamics 365 Finance & Operations', 'Accounting'],
  ['qudb', 'Exact (Netherlands)', 'Accounting'],
  ['pbbf', 'Exact (UK)', 'Accounting'],
  ['vxvy', 'FreshBooks', 'Accounting'],
  ['pdvj', 'MYOB Business', 'Accounting'],
  ['pbtz', 'Wave', 'Accounting'],
  ['rvam', 'Workday', 'Accounting', undefined, { isBeta: true }],
  ['rwuv', 'Zoho Books', 'Accounting'],
  ['mqjo', 'Sandbox', 'Accounting', undefined, { sandbox: true }],
  ['vjms', 'Pandle', 'Accounting', ['1c312d69-e638-46d4-ad31-72e6c3ba8390', stableUuid('source:vjms')]],
  ['hcws', 'QuickBooks Online Bank Feeds', 'BankFeed', ['6b113e06-e818-45d7-977b-8e6bb3d01269', '56e6575a-3f1f-4918-b009-f7535555f0d6']],
  ['olpr', 'SageBankFeed', 'BankFeed', ['2ce41026-589a-4330-8bfc-a30672253cd9', '98432954-a4fa-4640-a685-3af56909002a']],
  ['suuo', 'Plaid', 'Banking'],
  ['upvr', 'TrueLayer', 'Banking'],
  ['dfxm', 'Basiq', 'Banking', ['bf083d72-62c7-493e-aec9-81b4dbba7e2c', 'bdd831ce-eebd-4896-89a7-20e5ee8989ee']],
  ['zsth', 'Square', 'Commerce'],
  ['fztf', 'Shopify', 'Commerce'],
  ['exgd', 'Stripe', 'Commerce', ['43b64770-a953-46d6-ab30-46c21094a276', '9a96f326-226a-4e0f-923a-6758fdba40cc']],
  ['ugxp', 'Zettle', 'Commerce'],
  ['aiwb', 'Commerce Sandbox', 'Commerce', undefined, { sandbox: true }],
  ['qkdj', 'Amazon Seller Central', 'Commerce'],
  ['vqzp', 'BigCommerce', 'Commerce'],
  ['fqly', 'Clover', 'Commerce'],
  ['ldgh', 'Lightspeed K', 'Commerce'],
  ['lqai', 'Partner Commerce', 'Commerce', undefined, { enabled: false }],
  ['xcwv', 'Square Sandbox', 'Commerce', undefined, { sandbox: true }],
  ['yzth', 'Stripe Test', 'Commerce', undefined, { sandbox: true }],
  ['ltpp', 'WooCommerce', 'Commerce'],
];

export const PLATFORMS: readonly Platform[] = ENTRIES.map(([key, name, sourceType, ids, extra]) => ({
  key,
  name,
  sourceType,
  integrationId: ids?.[0] ?? stableUuid(`integration:${key}`),
  sourceId: ids?.[1] ?? stableUuid(`source:${key}`),
  enabled: true,
  ...extra,
}));

const BY_KEY = new Map(PLATFORMS.map((platform) => [platform.key, platform]));

export function platformByKey(key: string): Platform | undefined {
  return BY_KEY.get(key);
}

/** Bank-feed targets per Codat's docs: source accounts can be managed on these connections. */
export const BANK_FEED_PLATFORM_KEYS: ReadonlySet<string> = new Set(['hcws', 'olpr', 'gbol', 'akxx', 'fbrh']);

/** Platforms whose connection `linkUrl` carries a one-hour OTP minted on every read. */
export const OTP_LINK_PLATFORM_KEYS: ReadonlySet<string> = new Set(['hcws']);

export const OTP_LIFETIME_MS = 60 * 60 * 1000;

/** Codat platform keys: exactly four lower-case letters. */
export const PLATFORM_KEY_PATTERN = /^[a-z]{4}$/;

/** QuickBooks Online Bank Feeds: its connection `linkUrl` carries a fresh one-hour OTP on every read. */
export const QBO_BANK_FEEDS_KEY = 'hcws';

/** Sage Bank Feeds: authorization starts inside Sage (connection id + OTP); its `linkUrl` must not be sent. */
export const SAGE_BANK_FEEDS_KEY = 'olpr';

/** Bank-feed targets per Codat's docs: source accounts can be managed on these connections. */
export const BANK_FEED_PLATFORM_KEYS: ReadonlySet<string> = new Set(['hcws', 'olpr', 'gbol', 'akxx', 'fbrh']);

/** Whether a connection to this platform carries bank-feed source accounts. */
export const isBankFeedPlatform = (platformKey: string | null) => platformKey !== null && BANK_FEED_PLATFORM_KEYS.has(platformKey);

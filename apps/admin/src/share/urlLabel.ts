import type { SharedUrl } from '../providers/dataProvider';
import { formatExpiry } from './time';

/**
 * What a copied URL is and how long it lives, e.g.
 * "QuickBooks Online Bank Feeds link — expires in 59 min, at 14:05".
 */
export function urlLabel(url: SharedUrl, name: string, now: number): string {
  if (url.kind === 'invite') return 'Invite URL — creates a new company for every visitor';
  const what = url.kind === 'company' ? 'Company Link URL' : `${name} link`;
  const expiry = url.expiresAt ? formatExpiry(url.expiresAt, now) : undefined;
  return `${what} — ${expiry ?? 'does not expire'}`;
}

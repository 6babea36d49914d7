import { readableUtc, type LinkLifetime } from './expiry.js';

/**
 * The words that go with each kind of URL: a note for staff and a plain-text message for the
 * customer. Kept apart from the routes so support leads can reword them in one place.
 */

function expiryLine({ oneTime, expiresAt }: LinkLifetime): string | undefined {
  if (!oneTime || !expiresAt) return undefined;
  return `The link works once and expires at ${readableUtc(expiresAt)}. If it has expired, reply and we will send a new one.`;
}

function message(intro: string, url: string, ...lines: (string | undefined)[]): string {
  return ['Hello,', '', intro, url, '', ...lines.filter((line): line is string => line !== undefined), '', 'Thank you'].join('\n');
}

export function companyLinkTexts(companyName: string, url: string, lifetime: LinkLifetime) {
  const note = [
    `Codat Link for ${companyName}: the customer can connect new platforms and manage the ones they already have.`,
    'Use it for new and returning customers of this company; creating another company or sending the invite URL to an existing customer can create billable duplicates.',
    lifetime.oneTime ? 'One-time link: it works once and expires after a day, so fetch a new one for every send.' : undefined,
  ];
  return {
    note: note.filter(Boolean).join(' '),
    message: message(
      'Please use this secure link to connect your accounting, banking or commerce software with us:',
      url,
      expiryLine(lifetime) ?? 'You can use the same link later to review or change your connections.',
    ),
  };
}

export function connectionLinkTexts(platformName: string, status: string, url: string, lifetime: LinkLifetime) {
  const reconnect = status === 'Deauthorized' || status === 'Unlinked';
  const note = [
    `Takes the customer straight to ${platformName} to ${reconnect ? 'reconnect' : 'authorise'} this ${status} connection.`,
    lifetime.oneTime
      ? `It carries a one-time code (valid until ${readableUtc(lifetime.expiresAt!)}); every fetch mints a new one, so fetch it when you send it.`
      : undefined,
  ];
  return {
    note: note.filter(Boolean).join(' '),
    message: message(
      `Please use this link to ${reconnect ? 'reconnect' : 'finish connecting'} your ${platformName} account:`,
      url,
      expiryLine(lifetime),
    ),
  };
}

export const INVITE_WARNING =
  'The invite URL creates a NEW company for every visitor, and their connections may be billed again. Never send it to an existing customer: share their company\'s Link URL instead.';

export function inviteTexts(url: string) {
  return {
    note: 'For onboarding customers who are not in Codat yet, when nobody needs to manage their connections later.',
    message: message('Please use this link to connect your business software with us:', url),
  };
}

import { randomInt } from 'node:crypto';
import type { Emulator } from '../../emulator.js';
import { CodatError } from '../../http/errors.js';
import type { BankFeedCredentials, ConnectionRecord } from '../../store/types.js';
import { codatTimestamp } from '../dates.js';
import { platformByKey } from '../platforms.js';

const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALPHANUMERIC = `${UPPER_ALPHANUMERIC}abcdefghijklmnopqrstuvwxyz`;

/** Credentials are for QuickBooks Online Bank Feeds; Sage Bank Feeds uses one-time passwords. */
const CREDENTIALS_PLATFORM_KEY = 'hcws';
const OTP_PLATFORM_KEY = 'olpr';
export const SAGE_OTP_LIFETIME_MS = 10 * 60 * 1000;

function randomString(alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[randomInt(alphabet.length)];
  return text;
}

function platformName(connection: ConnectionRecord): string {
  return platformByKey(connection.integrationKey)?.name ?? connection.integrationKey;
}

function assertCredentialsPlatform(connection: ConnectionRecord): void {
  if (connection.integrationKey !== CREDENTIALS_PLATFORM_KEY) {
    throw new CodatError(
      404,
      'BankFeedsApi',
      `Bank feed credentials are only available for QuickBooks Online Bank Feeds connections, not ${platformName(connection)}.`,
    );
  }
}

/**
 * A new `{username, password}` pair (`S0MW-TR0P-7DS0`, 16 alphanumerics); earlier pairs stay
 * valid until revoked. Other platforms answer 404, the only error the spec declares here.
 */
export function generateCredentials(emu: Emulator, connection: ConnectionRecord): BankFeedCredentials {
  assertCredentialsPlatform(connection);
  const credentials: BankFeedCredentials = {
    username: [0, 1, 2].map(() => randomString(UPPER_ALPHANUMERIC, 4)).join('-'),
    password: randomString(ALPHANUMERIC, 16),
  };
  const sets = emu.store.credentials.get(connection.id);
  if (sets) sets.push(credentials);
  else emu.store.credentials.set(connection.id, [credentials]);
  return credentials;
}

/** Revokes every pair generated for the connection. */
export function revokeCredentials(emu: Emulator, connection: ConnectionRecord): void {
  assertCredentialsPlatform(connection);
  emu.store.credentials.delete(connection.id);
}

/** Sage Bank Feeds only: a six-character code the SMB types into Sage with the connection id. */
export function generateSageOtp(emu: Emulator, connection: ConnectionRecord): { otp: string; expiry: string } {
  if (connection.integrationKey !== OTP_PLATFORM_KEY) {
    throw new CodatError(400, 'BankFeedsApi', `One-time passwords are only available for Sage Bank Feeds connections, not ${platformName(connection)}.`);
  }
  return {
    otp: randomString(UPPER_ALPHANUMERIC, 6),
    expiry: codatTimestamp(emu.clock.now() + SAGE_OTP_LIFETIME_MS, 'seconds'),
  };
}

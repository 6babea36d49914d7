import { randomInt } from 'node:crypto';
import type { Emulator } from '../emulator.js';
import type { ConnectionRecord } from '../store/types.js';
import { OTP_LIFETIME_MS, OTP_LINK_PLATFORM_KEYS } from './platforms.js';

/**
 * Link pages are served by the emulator itself: `/link/...` stands in for link.codat.io and
 * `/link-api/...` for link-api.codat.io.
 */
export function companyRedirectUrl(origin: string, companyId: string): string {
  return `${origin}/link/company/${companyId}`;
}

export function inviteUrl(origin: string, clientId: string): string {
  return `${origin}/link/client/${clientId}`;
}

const OTPS_KEPT = 5;

/** A connection's `linkUrl`; for QBO Bank Feeds every read mints a fresh one-hour OTP. */
export function connectionLinkUrl(emu: Emulator, origin: string, connection: ConnectionRecord): string {
  const base = `${origin}/link-api/companies/${connection.companyId}/connections/${connection.id}/start`;
  if (!OTP_LINK_PLATFORM_KEYS.has(connection.integrationKey)) return base;
  const otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
  connection.otps.push({ otp, expiresMs: emu.clock.now() + OTP_LIFETIME_MS });
  if (connection.otps.length > OTPS_KEPT) connection.otps.splice(0, connection.otps.length - OTPS_KEPT);
  return `${base}?otp=${otp}`;
}

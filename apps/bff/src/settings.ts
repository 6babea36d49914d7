import { fileURLToPath } from 'node:url';
import type { BffSettings } from './deps.js';
import type { Env } from './env.js';

/** Tag key holding a customer's merchant id; the emulator's seed uses the same key. */
export const MERCHANT_ID_TAG = 'merchantId';

const DEFAULT_SPA_DIR = fileURLToPath(new URL('../../admin/dist', import.meta.url));

export function settingsFromEnv(env: Env): BffSettings {
  return {
    inviteUrl: env.CODAT_INVITE_URL,
    merchantIdTag: MERCHANT_ID_TAG,
    maxBodyBytes: env.MAX_BODY_BYTES,
    spaDir: env.SPA_DIR ?? DEFAULT_SPA_DIR,
  };
}

export type BankFeedsVersion = 'v1' | 'v2';

/** The key the emulator accepts when started without `--api-key` (documented in the README). */
export const WELL_KNOWN_API_KEY = 'codat-emulator-local-key';

export interface WebhookConfig {
  url: string;
  /** Svix-style secret, `whsec_<base64>`. */
  secret: string;
}

export interface EmulatorConfig {
  apiKey: string;
  bankFeedsVersion: BankFeedsVersion;
  /** Origin used in `redirect`/`linkUrl`; when unset, the origin of the request being answered. */
  publicUrl?: string;
  /** Milliseconds each pull-operation phase (Queued, Fetching, Mapping, …) lasts. */
  syncStepMs: number;
  /** Codat client id, used in the invite URL. */
  clientId: string;
  webhook?: WebhookConfig;
}

export function defaultConfig(overrides: Partial<EmulatorConfig> = {}): EmulatorConfig {
  return {
    apiKey: WELL_KNOWN_API_KEY,
    bankFeedsVersion: 'v2',
    syncStepMs: 1500,
    clientId: '6a1d7a09-1b9b-4f4c-9d3e-2f8a9a7c1e55',
    ...overrides,
  };
}

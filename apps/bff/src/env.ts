import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

/** Every variable the BFF reads. `.env.example` lists them; the README explains them. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** When unset, the BFF starts the embedded emulator and uses it. */
  CODAT_API_KEY: optionalString,
  CODAT_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.codat.io'),
  CODAT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** The Portal's "Invite company" URL for this Codat client, shown on the Share panel. */
  CODAT_INVITE_URL: optionalString.pipe(z.url().optional()),
  EMULATOR_COMPANIES: z.coerce.number().int().min(0).max(1_000_000).default(300),
  EMULATOR_SEED: z.coerce.number().int().default(1),
  EMULATOR_PORT: port.default(4010),
  /** Built SPA to serve at `/`; defaults to apps/admin/dist. */
  SPA_DIR: optionalString,
  /** Largest JSON body accepted on /api, in bytes. */
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(256 * 1024),
});

export type Env = z.infer<typeof envSchema>;

/** Parses the environment once; a bad variable is named and the process exits. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  console.error(`Invalid configuration:\n${lines.join('\n')}`);
  process.exit(1);
}

import { z } from 'zod';
import { MAX_FLEET_COMPANIES } from '../seed/fleet.js';
import { SCENARIOS } from '../seed/scenarios.js';

/** Request bodies of the control API. Unknown keys are rejected so typos fail loudly. */

export const seedBody = z.strictObject({
  scenario: z.enum(SCENARIOS).optional(),
  companies: z.number().int().min(0).max(MAX_FLEET_COMPANIES).optional(),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /** Every generated date precedes this instant; fix it for byte-identical data across days. */
  anchor: z.iso.datetime({ offset: true }).optional(),
});

export const clockAdvanceBody = z.strictObject({
  ms: z.number().int().min(0).max(10 * 365 * 24 * 60 * 60 * 1000),
});

const faultStatus = z.literal([408, 429, 500, 502, 503, 504]);

export const faultsBody = z.strictObject({
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  errorStatus: faultStatus.optional(),
  burst: z
    .strictObject({
      status: faultStatus,
      count: z.number().int().min(1).max(1_000_000),
      retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
    })
    .optional(),
  methods: z.array(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])).min(1).optional(),
});

export const rateLimitBody = z.strictObject({
  limit: z.number().int().min(1).max(1_000_000_000),
  windowSeconds: z.number().int().min(1).max(31 * 24 * 60 * 60),
});

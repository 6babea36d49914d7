import { ROLE_LABELS, type Role } from '@console/contracts';
import { DEMO_PASSWORD } from './stack.js';

export type { Role };
export { ROLE_LABELS };

/**
 * The demo staff accounts the console creates at first start on the embedded emulator, one per
 * role (apps/bff/src/auth/first-accounts.ts DEMO_EMAILS; not exported by @console/bff, so
 * repeated here: signInAs checks the role chip, so a drift fails loudly).
 */
export const DEMO_STAFF: Record<Role, { email: string; password: string }> = {
  customer_success: { email: 'cs@console.local', password: DEMO_PASSWORD },
  support: { email: 'support@console.local', password: DEMO_PASSWORD },
  finance: { email: 'finance@console.local', password: DEMO_PASSWORD },
  admin: { email: 'admin@console.local', password: DEMO_PASSWORD },
};

import type { Role } from './permissions.js';

/** A staff account as the `staff` resource shows it (`GET /api/staff`). */
export interface StaffRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  /** Has a console password (password sign-in). */
  passwordSet: boolean;
  /** Has signed in with SSO at least once. */
  sso: boolean;
  createdAt: string;
  updatedAt: string;
  lastSignInAt: string | null;
  /** When the latest sign-in lock-out or delay on this account (from any address) ends; null when none is in force. */
  signInLockedUntil: string | null;
}

/** `POST /api/staff` and `POST /api/staff/:id/reset-password` answer a generated password once. */
export interface StaffWithPassword extends StaffRecord {
  initialPassword?: string;
}

/** `GET`/`PUT /api/auth/settings` (admin). */
export interface SignInSettings {
  /** Password sign-in offered; can only be turned off while SSO is configured. */
  passwordSignIn: boolean;
  sso: boolean;
}

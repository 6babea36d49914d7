import type { Permission, Role } from './permissions.js';

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** `GET /api/auth/me` and `POST /api/auth/login`. */
export interface SessionInfo {
  user: StaffUser;
  permissions: Permission[];
  /** Send as `X-CSRF-Token` on every state-changing request. */
  csrfToken: string;
}

/** `GET /api/auth/session`: always 200, so a signed-out visitor's browser logs no failed request. */
export type SessionState = ({ signedIn: true } & SessionInfo) | { signedIn: false };

/** `GET /api/auth/config`: what the sign-in page offers. */
export interface AuthConfig {
  password: boolean;
  sso: boolean;
  ssoLabel?: string;
}

export const CSRF_HEADER = 'X-CSRF-Token';

/** The BFF's error body. */
export interface ApiErrorBody {
  error: { code: string; message: string; requestId?: string; codatCorrelationId?: string; details?: Record<string, unknown> };
}

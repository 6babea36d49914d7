import type { AuthConfig, SessionInfo, SessionState } from '@console/contracts';
import { HttpError, type AuthProvider } from 'react-admin';
import { httpClient } from './httpClient';
import { permissionFor } from './permissions';
import { session } from './session';

/** The session read in flight: react-admin asks for the session several times at once on load. */
let loading: Promise<SessionInfo> | undefined;

async function loadSession(): Promise<SessionInfo> {
  const cached = session.get();
  if (cached) return cached;
  // /session answers a signed-out visitor 200, so the sign-in page logs no 401 in the browser console.
  loading ??= httpClient<SessionState>('/api/auth/session')
    .then(({ json }) => {
      if (!json.signedIn) throw new HttpError('Sign in to continue.', 401);
      const { signedIn: _signedIn, ...info } = json;
      session.set(info);
      return info;
    })
    .finally(() => {
      loading = undefined;
    });
  return loading;
}

export async function fetchAuthConfig(): Promise<AuthConfig> {
  return (await httpClient<AuthConfig>('/api/auth/config')).json;
}

/** Staff sign-in against the BFF's server-side sessions. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    session.set(undefined);
    const { json } = await httpClient<SessionInfo>('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email: username, password }),
    });
    session.set(json);
  },
  async logout() {
    if (session.get()) await httpClient('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    session.set(undefined);
  },
  async checkAuth() {
    await loadSession();
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      session.set(undefined);
      throw error;
    }
  },
  async getIdentity() {
    const { user } = await loadSession();
    return { id: user.id, fullName: user.name, email: user.email, role: user.role };
  },
  async getPermissions() {
    return (await loadSession()).permissions;
  },
  async canAccess({ resource, action }) {
    const needed = permissionFor(resource, action);
    if (!needed) return true;
    const { permissions } = await loadSession();
    return permissions.includes(needed);
  },
};

import type { SessionInfo } from '@console/contracts';

/** The signed-in session, kept in memory: the cookie is httpOnly, the CSRF token travels in a header. */
let current: SessionInfo | undefined;

export const session = {
  get: () => current,
  set: (info: SessionInfo | undefined) => {
    current = info;
  },
  csrfToken: () => current?.csrfToken,
};

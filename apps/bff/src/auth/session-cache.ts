import type { StaffRow } from './staff-store.js';

export interface CachedSession {
  id: string;
  csrfToken: string;
  user: StaffRow;
  lastSeenAt: Date;
  expiresAt: Date;
  /** Wall-clock ms when the row was read from the database. */
  readAtMs: number;
}

const MAX_ENTRIES = 10_000;

/**
 * Active sessions read in the last few seconds. Reading the session on every /api request costs
 * more than the rest of the BFF's work; a revocation made on this replica clears the entry at once,
 * one made on another replica is seen within the cache's lifetime. Keys are token hashes, unique
 * across databases, so one map serves every database the process opens (tests open many).
 */
const entries = new Map<string, CachedSession>();

export const sessionCache = {
  get(id: string, maxAgeMs: number): CachedSession | undefined {
    const entry = entries.get(id);
    return entry && Date.now() - entry.readAtMs < maxAgeMs ? entry : undefined;
  },
  set(entry: CachedSession): void {
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(entry.id, entry);
  },
  forget(id: string): void {
    entries.delete(id);
  },
  forgetUser(userId: string): void {
    for (const [id, entry] of entries) if (entry.user.id === userId) entries.delete(id);
  },
};

import type { StaffRow } from './staff-store.js';

export interface CachedSession {
  id: string;
  csrfToken: string;
  user: StaffRow;
  lastSeenAt: Date;
  expiresAt: Date;
  /** Wall-clock ms when the database read of the row began. */
  readAtMs: number;
}

const MAX_ENTRIES = 10_000;

/**
 * Active sessions read in the last few seconds. Reading the session on every /api request costs
 * more than the rest of the BFF's work. The bound: a revocation (sign-out, disable, role change,
 * password reset) made on this replica takes effect at once, since it forgets the entry once
 * committed; one made on another replica within `maxAgeMs` of the read this replica trusts.
 * Expiry and the idle limit are checked on every request against the cached row.
 * Keys are token hashes, unique across databases, so one map serves every database the process
 * opens (tests open many).
 */
const entries = new Map<string, CachedSession>();
/** Reads under way: the requests of one session that arrive together wait for one database read. */
const reads = new Map<string, Promise<CachedSession | undefined>>();

export const sessionCache = {
  get(id: string, maxAgeMs: number): CachedSession | undefined {
    const entry = entries.get(id);
    return entry && Date.now() - entry.readAtMs < maxAgeMs ? entry : undefined;
  },
  /**
   * The session `load` reads, shared with the requests that ask while the read is under way; kept
   * for later ones unless it was forgotten meanwhile (a revocation committed during the read).
   */
  read(id: string, load: () => Promise<CachedSession | undefined>): Promise<CachedSession | undefined> {
    const underWay = reads.get(id);
    if (underWay) return underWay;
    const read: Promise<CachedSession | undefined> = load().then(
      (session) => {
        // Forgotten during the read: answered to the requests that waited for it, never kept.
        if (reads.get(id) === read) {
          reads.delete(id);
          if (session) keep(session);
        }
        return session;
      },
      (error: unknown) => {
        if (reads.get(id) === read) reads.delete(id);
        throw error;
      },
    );
    reads.set(id, read);
    return read;
  },
  forget(id: string): void {
    entries.delete(id);
    reads.delete(id);
  },
  forgetUser(userId: string): void {
    for (const [id, entry] of entries) if (entry.user.id === userId) entries.delete(id);
    // A read under way does not say whose session it is yet.
    reads.clear();
  },
};

function keep(entry: CachedSession): void {
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(entry.id, entry);
}

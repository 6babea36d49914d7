/**
 * A mirror sync run that held embedded PGlite this long (its `longestHoldMs`) paused the console
 * noticeably: requests made meanwhile waited that long. The BFF logs a warning and the Mirror syncs
 * screen advises PostgreSQL.
 */
export const NOTICEABLE_HOLD_MS = 1000;

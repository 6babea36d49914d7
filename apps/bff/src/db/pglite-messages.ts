import type { Lane } from './lanes.js';

/** What the PGlite worker thread is started with. */
export interface PgliteWorkerData {
  dataDir: string;
  /** Replaces the worker's REQUEST_GRACE_MS (tests). */
  requestGraceMs?: number;
}

/** What the main thread and the PGlite worker thread say to each other (pglite-thread.ts). */
export interface QueryOptions {
  rowMode: 'array' | 'object';
  /** Type OIDs answered as PostgreSQL's text, unparsed (drizzle parses dates itself). */
  textTypes: number[];
}

/**
 * `tx`: the open transaction the statement belongs to; none = outside any, queued in its `lane`
 * (a transaction's statements run as soon as they come: it holds the database already).
 */
export type PgliteRequest =
  | { id: number; op: 'query'; text: string; params: unknown[]; options: QueryOptions; tx?: number; lane: Lane }
  | { id: number; op: 'exec'; text: string; tx?: number; lane: Lane }
  | { id: number; op: 'begin'; lane: Lane }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  /** The longest the background lane held the database since the last ask (ms), then counted again from 0. */
  | { id: number; op: 'longest-hold' }
  | { id: number; op: 'close' };

export type PgliteReply =
  | { id: number; result: unknown }
  | { id: number; error: { message: string; name: string; fields: Record<string, unknown> } };

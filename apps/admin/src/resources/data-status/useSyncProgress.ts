import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import type { PullOperationRecord, SyncProgress } from '../pull-operations/types';
import { summariseFinished } from './syncSummary';

/** After a refresh, how many polls may show nothing running before the refresh counts as finished. */
const GRACE_POLLS = 2;

export interface SyncProgressState {
  progress?: SyncProgress;
  /** Polling stopped because a poll failed. */
  error?: unknown;
  /** Polling now (something runs, or a refresh was just queued). */
  live: boolean;
  /** The last completion, for the polite live region and the visible notice. */
  finished?: string;
}

/**
 * Watches a company's syncs: one look on mount, then a poll every `intervalMs` while anything
 * runs. When the running set changes, and when everything has finished, `onListsStale` is called
 * so the data-status and sync-history lists refetch and show the new state without a page reload.
 */
export function useSyncProgress(companyId: string, onListsStale: () => void, intervalMs = 2000) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [state, setState] = useState<SyncProgressState>({ live: false });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const generation = useRef(0);
  /** Running operations seen since the watch began, to summarise once they finish. */
  const seen = useRef(new Map<string, PullOperationRecord>());
  /** A refresh was queued: its end is announced. */
  const expecting = useRef(false);
  /** Polls left in which a just-queued refresh may still show up as running. */
  const grace = useRef(0);
  const runningKey = useRef('');

  const stale = useRef(onListsStale);
  useEffect(() => {
    stale.current = onListsStale;
  });
  const refreshLists = useCallback(() => stale.current(), []);

  const poll = useCallback(
    async (run: number) => {
      let progress: SyncProgress;
      try {
        // consoleActions types the records loosely; they are PullOperationRecords (apps/bff actions/refresh).
        progress = (await dataProvider.syncProgress(companyId)) as unknown as SyncProgress;
      } catch (error) {
        if (run === generation.current) setState((s) => ({ ...s, error, live: false }));
        return;
      }
      if (run !== generation.current) return;
      const key = progress.running.map((op) => `${op.id}:${op.status}`).join(',');
      if (key !== runningKey.current) {
        runningKey.current = key;
        if (progress.anyRunning || seen.current.size > 0) refreshLists();
      }
      if (progress.anyRunning) {
        for (const op of progress.running) seen.current.set(op.id, op);
        setState((s) => ({ ...s, progress, error: undefined, live: true }));
        timer.current = setTimeout(() => void poll(run), intervalMs);
        return;
      }
      if (seen.current.size === 0 && grace.current > 0) {
        // Codat may take a moment to list what a refresh queued: look again before calling it done.
        grace.current -= 1;
        timer.current = setTimeout(() => void poll(run), intervalMs);
        return;
      }
      const wasWatching = expecting.current || seen.current.size > 0;
      const watched = [...seen.current.values()];
      seen.current.clear();
      expecting.current = false;
      grace.current = 0;
      setState((s) => ({ ...s, progress, error: undefined, live: false }));
      if (!wasWatching) return;
      refreshLists();
      const finished = await summariseFinished(dataProvider, companyId, watched);
      if (run === generation.current) setState((s) => ({ ...s, finished }));
    },
    [companyId, dataProvider, intervalMs, refreshLists],
  );

  /** Look now and keep looking while anything runs; `afterRefresh` promises a completion notice. */
  const watch = useCallback(
    (afterRefresh = false) => {
      clearTimeout(timer.current);
      generation.current += 1;
      if (afterRefresh) {
        expecting.current = true;
        grace.current = GRACE_POLLS;
      }
      setState((s) => ({ ...s, error: undefined, live: afterRefresh || s.live, finished: afterRefresh ? undefined : s.finished }));
      void poll(generation.current);
    },
    [poll],
  );

  useEffect(() => {
    watch();
    return () => {
      generation.current += 1;
      clearTimeout(timer.current);
    };
  }, [watch]);

  const dismissFinished = useCallback(() => setState((s) => ({ ...s, finished: undefined })), []);
  return { ...state, watch, dismissFinished };
}

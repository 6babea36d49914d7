import { isOperationSettled, type OperationRecord } from '@console/contracts';
import { useEffect, useSyncExternalStore } from 'react';
import { httpClient } from '../providers/httpClient';
import { isSettled, pendingOperations, type WatchedOperation } from './pendingOperations';

const POLL_MS = 2_000;

/** The watched operations; while any is unsettled, asks the BFF about it every POLL_MS. */
export function useWatchedOperation(id: number | undefined): WatchedOperation | undefined {
  useSyncExternalStore(pendingOperations.subscribe, pendingOperations.list);
  return pendingOperations.find(id);
}

/** Polls the watched operations that are not settled; see PendingOperations. */
export function usePendingOperations(onSettled: (record: OperationRecord) => void): WatchedOperation[] {
  const operations = useSyncExternalStore(pendingOperations.subscribe, pendingOperations.list);
  const waiting = operations.filter((operation) => !isSettled(operation)).map((operation) => operation.id);
  const key = waiting.join(',');

  useEffect(() => {
    if (!key) return;
    let stopped = false;
    const poll = async () => {
      for (const id of key.split(',').map(Number)) {
        try {
          const record = (await httpClient<OperationRecord>(`/api/operations/${id}`)).json;
          if (stopped) return;
          pendingOperations.record(record);
          if (isOperationSettled(record.state)) onSettled(record);
        } catch (error) {
          // Not this user's, or gone: nothing more to watch.
          if ((error as { status?: number }).status === 404) pendingOperations.dismiss(id);
        }
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [key, onSettled]);

  return operations;
}

import { useCallback, useState } from 'react';
import { HttpError, useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';

/** What the last refresh request came to, shown above the data-status table. */
export type RefreshOutcome =
  | { kind: 'queued'; message: string }
  | { kind: 'already-running'; dataType: string; error: HttpError }
  | { kind: 'failed'; what: string; error: unknown };

function isAlreadyRunning(error: unknown): error is HttpError {
  if (!(error instanceof HttpError) || error.status !== 409) return false;
  const code = (error.body as { error?: { code?: string } } | undefined)?.error?.code;
  return code === undefined || code === 'already_running';
}

/**
 * "Refresh all" and "Refresh this type". A queued refresh starts the live indicator
 * (`onQueued`); a 409 means Codat is still reading that type, which is explained rather than
 * shown as a failure, and the indicator is started so the running read can be watched.
 */
export function useRefreshActions(companyId: string, onQueued: () => void) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<RefreshOutcome>();

  const run = useCallback(
    async (key: string, call: () => Promise<unknown>, queued: string, what: string) => {
      setPending((p) => new Set(p).add(key));
      setOutcome(undefined);
      try {
        await call();
        setOutcome({ kind: 'queued', message: queued });
        onQueued();
      } catch (error) {
        if (isAlreadyRunning(error)) {
          setOutcome({ kind: 'already-running', dataType: key, error });
          onQueued();
        } else {
          setOutcome({ kind: 'failed', what, error });
        }
      } finally {
        setPending((p) => {
          const next = new Set(p);
          next.delete(key);
          return next;
        });
      }
    },
    [onQueued],
  );

  const refreshAll = useCallback(
    () =>
      run(
        '*',
        () => dataProvider.refreshAll(companyId),
        'Refresh queued: Codat will read every data type set to fetch on first link.',
        'Refreshing all data',
      ),
    [companyId, dataProvider, run],
  );

  const refreshType = useCallback(
    (dataType: string) =>
      run(dataType, () => dataProvider.refreshDataType(companyId, dataType), `Refresh of ${dataType} queued.`, `Refreshing ${dataType}`),
    [companyId, dataProvider, run],
  );

  return { refreshAll, refreshType, pending, outcome, clearOutcome: () => setOutcome(undefined) };
}

import { useListContext } from 'react-admin';
import { useBackoffPolling } from '../../ui/useBackoffPolling';

/** Group counts change when the mirror syncs: every 5 s while they move, easing off to a minute while they stand still. */
export const LIVE_GROUPS = { fastMs: 5_000, slowMs: 60_000 };

/** Re-reads the list's current page in the background (useBackoffPolling), without a loading state. */
export function useLiveList(): void {
  const { refetch, filterValues, sort, page, perPage, isPending } = useListContext();
  useBackoffPolling(
    async () => {
      const result = (await refetch()) as { data?: unknown; error?: unknown } | undefined;
      if (result?.error) throw result.error;
      return JSON.stringify(result?.data ?? null);
    },
    isPending ? null : JSON.stringify([filterValues, sort, page, perPage]),
    LIVE_GROUPS,
  );
}

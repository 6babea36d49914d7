import { useCallback, useState } from 'react';
import type { SharedUrl } from '../providers/dataProvider';
import { copyText } from './clipboard';

export type CopyPart = 'url' | 'message';

export interface FreshUrlState {
  /** What was fetched and copied last, with the time it was copied. */
  copied?: { url: SharedUrl & { oneTime?: boolean }; part: CopyPart; at: number };
  pending?: CopyPart;
  error?: unknown;
}

/**
 * Fetches a Link URL from the BFF at the moment it is copied (never before, never cached: one-time
 * codes change on every fetch, and the BFF audits each reveal) and puts the URL or the ready-made
 * message on the clipboard.
 */
export function useFreshUrl(fetchUrl: () => Promise<SharedUrl>) {
  const [state, setState] = useState<FreshUrlState>({});
  const copy = useCallback(
    async (part: CopyPart) => {
      setState((previous) => ({ copied: previous.copied, pending: part }));
      try {
        const url = await fetchUrl();
        const text = part === 'message' ? (url.message ?? url.url) : url.url;
        await copyText(text);
        setState({ copied: { url, part, at: Date.now() } });
      } catch (error) {
        setState({ error });
      }
    },
    [fetchUrl],
  );
  return { ...state, copy };
}

import { useCallback, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import type { RevealedNumbers } from './types';

/**
 * Full account numbers revealed in this panel, by record id. They live in the panel's state
 * only: leaving the panel forgets them. Each reveal is a request the BFF writes to the audit log.
 */
export function useRevealedNumbers() {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [revealed, setRevealed] = useState<Record<string, RevealedNumbers>>({});
  const [pending, setPending] = useState<string>();
  const [failure, setFailure] = useState<{ id: string; error: unknown }>();

  const reveal = useCallback(
    async (id: string) => {
      setPending(id);
      setFailure(undefined);
      try {
        const numbers = await dataProvider.revealSourceAccount(id);
        setRevealed((all) => ({ ...all, [id]: numbers }));
      } catch (error) {
        setFailure({ id, error });
      } finally {
        setPending(undefined);
      }
    },
    [dataProvider],
  );

  const hide = useCallback((id: string) => {
    setRevealed(({ [id]: _hidden, ...rest }) => rest);
  }, []);

  return { revealed, pending, failure, reveal, hide };
}

export type Revealer = ReturnType<typeof useRevealedNumbers>;

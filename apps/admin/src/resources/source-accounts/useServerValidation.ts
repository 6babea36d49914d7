import { useEffect, useRef, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import type { FieldError } from './types';

const DEBOUNCE_MS = 400;

/**
 * Asks the BFF to check `body` (`{ account }` or `{ accounts }`, with the connection and version)
 * a moment after typing stops. Only the answer for the body as it is now counts, so a fixed field
 * never shows an old complaint. A failed check is reported, not hidden; saving checks again.
 */
export function useServerValidation(body: Record<string, unknown> | undefined) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [answer, setAnswer] = useState<{ key: string; errors: FieldError[] }>();
  const [unavailable, setUnavailable] = useState<string>();
  const latest = useRef(0);
  const key = body === undefined ? '' : JSON.stringify(body);

  useEffect(() => {
    if (!key) return;
    const run = ++latest.current;
    const timer = setTimeout(async () => {
      try {
        const result = await dataProvider.validateSourceAccount(JSON.parse(key));
        if (run !== latest.current) return;
        setAnswer({ key, errors: result.errors ?? [] });
        setUnavailable(undefined);
      } catch (error) {
        if (run !== latest.current) return;
        setUnavailable(error instanceof Error ? error.message : 'the check failed');
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, dataProvider]);

  return { errors: answer && answer.key === key ? answer.errors : [], unavailable };
}

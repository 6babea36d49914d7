/**
 * One Idempotency-Key per user intent. A request starts (or rejoins) its intent by its method, URL
 * and body: a double click, a retry after a network error and a reload of the same form send the
 * same request, so they reuse the key and the BFF runs the action once. The intent ends (its key is
 * forgotten) once the BFF gives a definite answer; it is kept while the outcome is still open.
 */
const STORAGE_KEY = 'console.intents';
/** The BFF keeps keys at least this long; an older intent starts afresh. */
const INTENT_LIFETIME_MS = 24 * 3_600_000;

type Intents = Record<string, { key: string; at: number }>;

/** 53-bit FNV-style hash of the request, so bodies are not kept in session storage. */
function fingerprint(method: string, url: string, body: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const char of `${method} ${url}\n${body}`) {
    const code = char.codePointAt(0)!;
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

function read(now: number): Intents {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}') as Intents;
    return Object.fromEntries(Object.entries(stored).filter(([, intent]) => now - intent.at < INTENT_LIFETIME_MS));
  } catch {
    return {};
  }
}

function write(intents: Intents): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(intents));
}

export interface Intent {
  key: string;
  /** Forget the intent: the BFF answered, so the next identical request is a new action. */
  end(): void;
}

export function beginIntent(method: string, url: string, body: string, now = Date.now()): Intent {
  const id = fingerprint(method, url, body);
  const intents = read(now);
  const intent = (intents[id] ??= { key: crypto.randomUUID(), at: now });
  write(intents);
  return {
    key: intent.key,
    end: () => {
      const current = read(Date.now());
      delete current[id];
      write(current);
    },
  };
}

/** Answers after which the same request must rejoin the same action rather than start another. */
export function leavesIntentOpen(status: number, code: string | undefined): boolean {
  return status === 0 || code === 'outcome_unknown' || code === 'idempotency_in_progress';
}

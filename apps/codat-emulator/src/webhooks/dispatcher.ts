import type { Emulator } from '../emulator.js';
import type { CodatEvent } from '../events.js';
import { newId } from '../domain/ids.js';
import { signWebhook } from './signature.js';

export interface DispatcherOptions {
  /** Waits before each retry after a failed attempt; Codat's own schedule runs to ~28 h. */
  retryDelaysMs?: number[];
  /** Per-attempt limit before the attempt counts as failed. */
  attemptTimeoutMs?: number;
  /** Called when every attempt for an event has failed. */
  onGiveUp?: (failure: { eventId: string; eventType: string; url: string; lastError: string }) => void;
}

const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000];
const DEFAULT_ATTEMPT_TIMEOUT_MS = 10_000;

/** Codat's current envelope: `{ id, eventType, generatedDate, payload }`. */
function envelope(emu: Emulator, event: CodatEvent) {
  return {
    id: newId(),
    eventType: event.eventType,
    generatedDate: new Date(emu.clock.now()).toISOString(),
    payload: event.payload,
  };
}

/**
 * Posts every event on `emu.events` to `emu.config.webhook` (read per event, so it can be set or
 * changed at runtime), signed like Codat's Svix-based service. Deliveries run in the background,
 * retry on non-2xx and network errors, and never throw into the code that raised the event.
 * Returns a function that unsubscribes and abandons pending retries.
 */
export function startWebhookDispatcher(emu: Emulator, options: DispatcherOptions = {}): () => void {
  const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<AbortController>();
  let stopped = false;

  const attempt = async (url: string, headers: Record<string, string>, body: string): Promise<string | undefined> => {
    const controller = new AbortController();
    inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(), attemptTimeoutMs);
    try {
      const response = await fetch(url, { method: 'POST', headers, body, signal: controller.signal });
      await response.body?.cancel();
      return response.ok ? undefined : `HTTP ${response.status}`;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    } finally {
      clearTimeout(timeout);
      inFlight.delete(controller);
    }
  };

  const deliver = (event: CodatEvent) => {
    const webhook = emu.config.webhook;
    if (!webhook) return;
    const message = envelope(emu, event);
    let body: string;
    try {
      // Serialised now: the payload may reference records that change before a retry.
      body = JSON.stringify(message);
    } catch (error) {
      console.error(`webhook ${event.eventType} not sent: its payload cannot be serialised`, error);
      return;
    }
    const run = async (attemptNumber: number) => {
      if (stopped) return;
      // Signed per attempt: receivers reject stale timestamps, and Svix re-signs retries too.
      const headers = {
        'Content-Type': 'application/json',
        ...signWebhook(webhook.secret, message.id, Math.floor(Date.now() / 1000), body),
      };
      const failure = await attempt(webhook.url, headers, body);
      if (failure === undefined || stopped) return;
      const delay = retryDelays[attemptNumber];
      if (delay === undefined) {
        const giveUp = options.onGiveUp ?? ((f) => console.warn(`webhook ${f.eventType} to ${f.url} abandoned: ${f.lastError}`));
        giveUp({ eventId: message.id, eventType: message.eventType, url: webhook.url, lastError: failure });
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        void run(attemptNumber + 1);
      }, delay);
      timer.unref();
      timers.add(timer);
    };
    void run(0);
  };

  const unsubscribe = emu.events.on(deliver);
  return () => {
    stopped = true;
    unsubscribe();
    for (const timer of timers) clearTimeout(timer);
    for (const controller of inFlight) controller.abort();
    timers.clear();
  };
}

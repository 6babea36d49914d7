import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { RequestsInFlight } from './requests-in-flight.js';

function appWith(tracker: RequestsInFlight, handler: () => Promise<Response>) {
  return new Hono().use(tracker.track).get('/', handler);
}

describe('requests in flight', () => {
  it('idle waits until the last request in flight has been answered', async () => {
    const tracker = new RequestsInFlight();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const app = appWith(tracker, async () => (await held, new Response('ok')));
    const answered = [app.request('/'), app.request('/')];
    let idle = false;
    const waiting = tracker.idle(60_000).then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(idle).toBe(false);
    release();
    await Promise.all(answered);
    await waiting;
    expect(idle).toBe(true);
  });

  it('idle does not wait past its limit for requests that go on, nor at all when none is in flight', async () => {
    const tracker = new RequestsInFlight();
    void appWith(tracker, () => new Promise<Response>(() => undefined)).request('/');
    const started = performance.now();
    await tracker.idle(30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    const quiet = new RequestsInFlight();
    let idle = false;
    void quiet.idle(60_000).then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(true);
  });
});

import type { Page, Request } from '@playwright/test';

const tracked = new WeakMap<Page, { inFlight: Set<Request>; lastChange: number }>();

function tracker(page: Page) {
  let state = tracked.get(page);
  if (state) return state;
  const created = { inFlight: new Set<Request>(), lastChange: Date.now() };
  const isApi = (request: Request) => new URL(request.url()).pathname.startsWith('/api/');
  page.on('request', (request) => {
    if (!isApi(request)) return;
    created.inFlight.add(request);
    created.lastChange = Date.now();
  });
  const done = (request: Request) => {
    if (created.inFlight.delete(request)) created.lastChange = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  tracked.set(page, created);
  state = created;
  return state;
}

/** Starts counting the page's /api requests; call before the screens whose settling you will wait for. */
export function trackApi(page: Page): void {
  tracker(page);
}

/**
 * Waits until no /api request has been in flight for `quietMs`: whatever the screen is going to
 * render from its answers has been rendered. For asserting that something is absent, where a
 * locator alone would pass before the screen finished loading.
 */
export async function apiSettled(page: Page, quietMs = 600, timeoutMs = 10_000): Promise<void> {
  const state = tracker(page);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (state.inFlight.size === 0 && Date.now() - state.lastChange >= quietMs) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`The console kept calling its API for ${timeoutMs} ms: ${[...state.inFlight].map((r) => r.url()).join(', ')}`);
}

import { expect, type Page } from '@playwright/test';

/**
 * Everything the browser complains about while a story runs: console errors (a CSP refusal is
 * one), uncaught exceptions, any request to an origin other than the console's, failed requests.
 */
export function watchBrowser(page: Page, consoleOrigin: string) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('data:') && new URL(url).origin !== consoleOrigin) problems.push(`request to another origin: ${url}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  return {
    /** Fails (softly: the tour goes on) with everything seen since the last check. */
    expectClean(screen: string) {
      expect.soft(problems.splice(0), `the browser on ${screen}`).toEqual([]);
    },
  };
}

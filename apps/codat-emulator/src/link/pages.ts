import { Hono } from 'hono';
import type { Emulator } from '../emulator.js';
import { CodatError } from '../http/errors.js';
import { companyPages } from './company-page.js';
import { invitePages } from './invite-page.js';
import { messagePage } from './layout.js';
import { startPages } from './start-page.js';

/**
 * Simulated Link: `/link/...` stands in for link.codat.io and `/link-api/...` for
 * link-api.codat.io. End users open these, so they need no API key; they answer in HTML.
 */
export function linkPages(emu: Emulator): Hono {
  const app = new Hono();
  app.route('/', companyPages(emu));
  app.route('/', startPages(emu));
  app.route('/', invitePages(emu));

  // Lookups reuse the API's not-found errors; here they become pages.
  app.onError((error, c) => {
    if (error instanceof CodatError && error.status === 404) {
      return c.html(messagePage('Page not found', error.message), 404);
    }
    console.error(error);
    return c.html(messagePage('Something went wrong', 'Unknown error occurred.'), 500);
  });
  return app;
}

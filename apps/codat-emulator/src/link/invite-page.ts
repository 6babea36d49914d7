import { Hono } from 'hono';
import { html } from 'hono/html';
import { createCompany } from '../domain/company-lifecycle.js';
import { sanitiseCompanyName } from '../domain/company-names.js';
import { companyRedirectUrl } from '../domain/link-urls.js';
import { requestOrigin } from '../domain/render.js';
import type { Emulator } from '../emulator.js';
import { messagePage, page, type Html } from './layout.js';

const PATH = '/link/client/:clientId';

function invitePage(clientId: string, error?: string): Html {
  const errorId = 'company-name-error';
  return page(
    'Tell us about your business',
    html`<h1>Tell us about your business</h1>
      <p>Enter your company's name to start sharing your business data.</p>
      <form method="post" action="/link/client/${clientId}">
        <p>
          <label for="company-name">Company name</label><br />
          <input id="company-name" name="companyName" required autocomplete="organization"
            ${error ? html`aria-invalid="true" aria-describedby="${errorId}"` : undefined} />
        </p>
        ${error ? html`<p id="${errorId}" class="error" role="alert">${error}</p>` : undefined}
        <button type="submit">Continue</button>
      </form>`,
  );
}

/**
 * The Portal's "Invite company" URL: tied to the client, not a company. Every visitor who names
 * a business gets a new company (billable in real life), then continues to its Link page.
 */
export function invitePages(emu: Emulator): Hono {
  const app = new Hono();
  const unknownClient = () => messagePage('Page not found', 'This invite link is not valid.');

  app.get(PATH, (c) => {
    const clientId = c.req.param('clientId');
    if (clientId !== emu.config.clientId) return c.html(unknownClient(), 404);
    return c.html(invitePage(clientId));
  });

  app.post(PATH, async (c) => {
    const clientId = c.req.param('clientId');
    if (clientId !== emu.config.clientId) return c.html(unknownClient(), 404);
    const { companyName } = await c.req.parseBody();
    const name = typeof companyName === 'string' ? sanitiseCompanyName(companyName) : '';
    if (name === '') {
      return c.html(invitePage(clientId, 'Enter a company name using letters, digits or - \' , & @ . ? !'), 400);
    }
    const origin = requestOrigin(emu, c.req.url);
    const company = createCompany(emu, { name }, origin);
    return c.redirect(companyRedirectUrl(origin, company.id), 303);
  });

  return app;
}

import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { cancelLinking, completeLinking } from '../domain/connection-lifecycle.js';
import { OTP_LINK_PLATFORM_KEYS, platformByKey } from '../domain/platforms.js';
import { requestOrigin } from '../domain/render.js';
import type { Emulator } from '../emulator.js';
import { findCompany, findConnection } from '../http/params.js';
import type { ConnectionRecord } from '../store/types.js';
import { messagePage, page, type Html } from './layout.js';

const START = '/link-api/companies/:companyId/connections/:connectionId/start';

/** Codat's post-Link redirect outcome: `{statusCode}` and `{errorMessage}` of the redirect template. */
interface Outcome {
  statusCode: 200 | 201 | 403;
  title: string;
  explanation: string;
  errorMessage?: string;
}

const OUTCOMES = {
  linked: { statusCode: 200, title: 'Connected', explanation: 'Access was authorized. The connection is now Linked.' },
  unchanged: { statusCode: 201, title: 'Already connected', explanation: 'This connection was already Linked; nothing changed.' },
  cancelled: {
    statusCode: 403,
    title: 'Linking cancelled',
    explanation: 'You cancelled linking. The connection stays as it was and records the cancellation.',
    errorMessage: 'User cancelled.',
  },
} satisfies Record<string, Outcome>;

/** For OTP platforms (QBO Bank Feeds) the link only works with an unexpired one-hour OTP. */
function hasValidOtp(emu: Emulator, connection: ConnectionRecord, otp: string | undefined): boolean {
  if (!OTP_LINK_PLATFORM_KEYS.has(connection.integrationKey)) return true;
  const now = emu.clock.now();
  return connection.otps.some((grant) => grant.otp === otp && grant.expiresMs > now);
}

function authorizePage(c: Context, platformName: string, companyName: string, connection: ConnectionRecord): Html {
  if (connection.status === 'Linked') return resultPage(platformName, companyName, connection, OUTCOMES.unchanged);
  // The form posts back to this URL, OTP included.
  const action = new URL(c.req.url);
  return page(
    `Authorize ${platformName}`,
    html`<h1>Authorize ${platformName}</h1>
      <p>${companyName} is asked to share data from ${platformName}. In real life this is ${platformName}'s own sign-in and consent screen.</p>
      <form method="post" action="${action.pathname}${action.search}">
        <button type="submit" name="decision" value="authorize">Authorize ${platformName}</button>
        <button type="submit" name="decision" value="cancel" class="secondary">Cancel</button>
      </form>`,
  );
}

function resultPage(platformName: string, companyName: string, connection: ConnectionRecord, outcome: Outcome): Html {
  return page(
    outcome.title,
    html`<h1>${outcome.title}: ${platformName}</h1>
      <p>${outcome.explanation}</p>
      <p>Codat would now send the user to the client's redirect URL with these values:</p>
      <dl>
        <dt>statusCode</dt><dd>${outcome.statusCode}</dd>
        ${outcome.errorMessage ? html`<dt>errorMessage</dt><dd>${outcome.errorMessage}</dd>` : undefined}
        <dt>connectionId</dt><dd>${connection.id}</dd>
        <dt>platform</dt><dd>${connection.integrationKey}</dd>
        <dt>companyId</dt><dd>${connection.companyId}</dd>
      </dl>
      <p><a href="/link/company/${connection.companyId}">Back to ${companyName}'s connections</a></p>`,
  );
}

/** `…/start[?otp=]`: a connection's `linkUrl`, standing in for the platform's consent screen. */
export function startPages(emu: Emulator): Hono {
  const app = new Hono();

  const load = (c: Context) => {
    const company = findCompany(emu, c.req.param('companyId') ?? '');
    const connection = findConnection(emu, company.id, c.req.param('connectionId') ?? '');
    const platformName = platformByKey(connection.integrationKey)?.name ?? connection.integrationKey;
    return { company, connection, platformName, otp: c.req.query('otp') };
  };

  const expired = (c: Context) =>
    c.html(
      messagePage('Link expired', 'This link is invalid or has expired. Ask for a new link and try again.'),
      401,
    );

  app.get(START, (c) => {
    const { company, connection, platformName, otp } = load(c);
    if (!hasValidOtp(emu, connection, otp)) return expired(c);
    return c.html(authorizePage(c, platformName, company.name, connection));
  });

  app.post(START, async (c) => {
    const { company, connection, platformName, otp } = load(c);
    if (!hasValidOtp(emu, connection, otp)) return expired(c);
    const { decision } = await c.req.parseBody();
    if (decision !== 'authorize' && decision !== 'cancel') {
      return c.html(messagePage('Choose an option', 'Choose Authorize or Cancel to continue.'), 400);
    }
    const origin = requestOrigin(emu, c.req.url);
    let outcome: Outcome = OUTCOMES.unchanged;
    if (connection.status !== 'Linked' && decision === 'authorize') {
      completeLinking(emu, connection, origin);
      outcome = OUTCOMES.linked;
    } else if (connection.status !== 'Linked') {
      cancelLinking(emu, connection, origin);
      outcome = OUTCOMES.cancelled;
    }
    connection.otps = connection.otps.filter((grant) => grant.otp !== otp); // one-time
    return c.html(resultPage(platformName, company.name, connection, outcome));
  });

  return app;
}

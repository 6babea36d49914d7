import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import type { Emulator } from '../emulator.js';
import { errors } from '../http/errors.js';
import { findCompany } from '../http/params.js';

const TOKEN_LIFETIME_SECONDS = 86_400;

export function accessTokenRoutes(emu: Emulator): Hono {
  const app = new Hono();

  // An opaque bearer token for Codat's embeddable UIs; the emulator does not check it anywhere.
  app.get('/companies/:companyId/accessToken', (c) => {
    findCompany(emu, c.req.param('companyId'));
    return c.json({
      accessToken: randomBytes(48).toString('base64url'),
      expiresIn: TOKEN_LIFETIME_SECONDS,
      tokenType: 'Bearer',
    });
  });

  // Retired 2026-10-12: Codat answers a bare NotFound whatever the company.
  app.get('/companies/:companyId/connectionManagement/accessToken', () => {
    throw errors.notFound();
  });

  return app;
}

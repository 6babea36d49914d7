import { Hono } from 'hono';
import type { Emulator } from '../emulator.js';

// Placeholder: being written.
export function integrationsRoutes(_emu: Emulator): Hono {
  return new Hono();
}

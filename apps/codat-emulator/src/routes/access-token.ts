import { Hono } from 'hono';
import type { Emulator } from '../emulator.js';

// Placeholder: being written.
export function accessTokenRoutes(_emu: Emulator): Hono {
  return new Hono();
}

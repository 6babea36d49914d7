import { Hono } from 'hono';
import type { Emulator } from '../emulator.js';

// Placeholder: being written.
export function connectionsRoutes(_emu: Emulator): Hono {
  return new Hono();
}

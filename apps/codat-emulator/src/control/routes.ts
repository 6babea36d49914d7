import { Hono } from 'hono';
import type { Emulator } from '../emulator.js';

// Placeholder: being written.
export function controlRoutes(_emu: Emulator): Hono {
  return new Hono();
}

import { Hono } from 'hono';
import type { Emulator } from '../emulator.js';

// Placeholder: being written.
export function bankFeedsRoutes(_emu: Emulator): Hono {
  return new Hono();
}

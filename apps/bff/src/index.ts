export { createApp } from './app.js';
export type { BffDeps, BffSettings } from './deps.js';

export { Emulator } from './emulator.js';
export { createApp } from './app.js';
export { startEmulator, type RunningEmulator } from './server.js';
export { WELL_KNOWN_API_KEY, type EmulatorConfig, type BankFeedsVersion } from './config.js';
export { verifyWebhookSignature } from './webhooks/signature.js';

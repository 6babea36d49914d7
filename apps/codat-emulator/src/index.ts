export { Emulator } from './emulator.js';
export { createApp } from './app.js';
export { startEmulator, type RunningEmulator } from './server.js';
export { WELL_KNOWN_API_KEY, type EmulatorConfig, type BankFeedsVersion } from './config.js';
export { verifyWebhookSignature } from './webhooks/signature.js';
export { seedScenario, SCENARIOS, type ScenarioName } from './seed/scenarios.js';
export { DEMO_FIXTURES } from './seed/fixtures.js';
export { MERCHANT_TAG } from './seed/fleet.js';
export { summarizeStore, type StoreSummary } from './seed/summary.js';

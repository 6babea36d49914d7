/** Where the e2e suite runs the console and its embedded emulator. */
export const CONSOLE_PORT = Number(process.env.E2E_CONSOLE_PORT ?? 4620);
export const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4621);
export const EMULATOR_URL = `http://127.0.0.1:${EMULATOR_PORT}`;
/** Password of the demo staff accounts (one per role) the console creates at first start. */
export const DEMO_PASSWORD = 'e2e-demo-password';

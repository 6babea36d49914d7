import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { CONSOLE_PORT, DEMO_PASSWORD, EMULATOR_PORT } from './support/stack.js';

const DATA_DIR = fileURLToPath(new URL('.data', import.meta.url));

// Playwright's own browser downloads are impossible here: drive Debian's chromium.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }], ['./support/failure-summary.ts']],
  use: {
    baseURL: `http://127.0.0.1:${CONSOLE_PORT}`,
    screenshot: 'on',
    trace: 'retain-on-failure',
    permissions: ['clipboard-read', 'clipboard-write'],
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // The whole console as `npm start` runs it (its Node flags too): BFF + built SPA + embedded emulator, fresh data dir.
  webServer: {
    command: 'rm -rf .data && npm run start --workspace @console/bff',
    port: CONSOLE_PORT,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    env: {
      PORT: String(CONSOLE_PORT),
      HOST: '127.0.0.1',
      EMULATOR_PORT: String(EMULATOR_PORT),
      EMULATOR_COMPANIES: '150',
      CONSOLE_DATA_DIR: DATA_DIR,
      DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
    },
  },
});

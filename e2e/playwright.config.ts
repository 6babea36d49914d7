import { defineConfig } from '@playwright/test';

// Playwright's own browser downloads are impossible here: drive Debian's chromium.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4610);

export default defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${EMULATOR_PORT}`,
    screenshot: 'on',
    trace: 'retain-on-failure',
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
  webServer: {
    command: `node ../apps/codat-emulator/bin/codat-emulator.js --port ${EMULATOR_PORT} --scenario demo --sync-step-ms 200`,
    port: EMULATOR_PORT,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});

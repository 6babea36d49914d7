import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    // Tests run real databases, fleets and processes: on a loaded two-core machine a sync of a
    // 1,100-company fleet alone took 5.6 s, past vitest's default of 5 s.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

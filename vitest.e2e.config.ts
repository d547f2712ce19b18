import { defineConfig } from 'vitest/config';

// Browser specs: e2e/global-setup.ts builds the editor and serves it; each spec drives Debian's
// Chromium through playwright-core. Run with `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';

// Browser tests: `npm run test:e2e` (builds the web UI first). Each test file starts its own server.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // One seeded data directory per run, copied by each file (global-setup.ts).
    globalSetup: ['tests/e2e/global-setup.ts'],
    // expect.poll waits 1 s by default: too short for a write on a shared 2-core machine (the reveal took ~1 s).
    expect: { poll: { timeout: 5000 } },
    // The e2e files skip themselves unless run through this config (so a plain `vitest run` stays fast).
    env: { RANRE_E2E: '1' },
  },
});

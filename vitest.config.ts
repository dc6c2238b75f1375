import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/e2e/**'],
    globalSetup: ['packages/server/src/testing/global-setup.ts'],
    testTimeout: 30_000,
    // Several files seed the whole demo (≈12 s quiet, several times that when both workers seed at once).
    hookTimeout: 180_000,
    // Two cores: PGlite instances are memory-hungry and CPU-bound; two workers keep the machine responsive.
    maxWorkers: 2,
  },
});

import { randomBytes } from 'node:crypto';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Each integration file opens its own database; two cores, so two workers.
    maxWorkers: 2,
    globalSetup: ['test/support/pglite-template.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The tests' own master key, new for every run (there is no default key); the CLI and server
    // processes the tests start inherit it, so they open the databases the tests made.
    env: { CORRIDOR_MASTER_KEY: randomBytes(32).toString('base64') },
  },
});

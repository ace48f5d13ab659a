import { defineConfig } from 'vitest/config';

// End-to-end tests: one real Corridor (started in global-setup.ts) driven through Debian's
// Chromium. Files run one after another: they share the server and the machine has two cores.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.e2e.ts'],
    globalSetup: ['./global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});

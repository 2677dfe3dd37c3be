import { defineConfig } from 'vitest/config';

/** End-to-end suite: real headless Chromium and Firefox, one browser at a time (2-core machines). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

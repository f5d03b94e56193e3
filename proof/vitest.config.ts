import { defineConfig } from 'vitest/config';

// The CI slice of `pnpm proof`: each part at its small scale, checking correctness only (figures
// are printed, never asserted). Parts start processes and clusters, so they run one at a time.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The gateway tests talk HTTP to an emulator on a free port; a loaded machine can be slow.
    testTimeout: 15_000,
  },
});

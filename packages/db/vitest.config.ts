import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // PGlite takes 2–8 s to start under load; template builds migrate a database.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

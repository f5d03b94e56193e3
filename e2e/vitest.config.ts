import { defineConfig } from 'vitest/config';

// Real browsers, Vite dev servers and a seeded API per file: slow by nature, so the timeouts are long,
// and files run one at a time to keep the 2-core machine and PostgreSQL's connection limit calm.
export default defineConfig({
  test: {
    include: [
      'stripe-checkout/**/*.test.ts',
      'patient/**/*.test.ts',
      'admin/**/*.test.ts',
      'production/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});

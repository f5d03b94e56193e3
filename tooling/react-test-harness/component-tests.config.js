// Plain JavaScript: Vite loads an app's vitest.config.ts with its dependencies left to Node, which
// cannot import TypeScript from a workspace package. The types are in the .d.ts beside it.
import { defineConfig, mergeConfig } from 'vitest/config';

/**
 * An app's component tests: its own Vite config (Tailwind, React) in happy-dom, the tests next to
 * the code, and the app's `src/test/setup.ts` (what the app keeps between tests) run first.
 */
export function componentTestConfig(viteConfig) {
  return mergeConfig(
    viteConfig,
    defineConfig({
      test: {
        environment: 'happy-dom',
        include: ['src/**/*.test.{ts,tsx}'],
        setupFiles: ['./src/test/setup.ts'],
      },
    }),
  );
}

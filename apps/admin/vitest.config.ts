import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.js';

// Component tests: the app's Vite config (Tailwind, React) in happy-dom.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'happy-dom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['./src/test/setup.ts'],
    },
  }),
);

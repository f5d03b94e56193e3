import type { ViteUserConfig } from 'vitest/config';

/** An app's component tests: its Vite config in happy-dom, with `src/test/setup.ts`. */
export declare function componentTestConfig(viteConfig: ViteUserConfig): ViteUserConfig;

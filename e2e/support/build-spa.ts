import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { SpaName } from './vite.js';

/**
 * An SPA's production build (its vite.config.ts, as `pnpm build` runs it) into `outDir`, a folder
 * of the caller's: a test never races a developer's `vite build` of dist/.
 */
export async function buildSpa(name: SpaName, outDir: string): Promise<void> {
  const root = fileURLToPath(new URL(`../../apps/${name}/`, import.meta.url));
  // Vitest sets NODE_ENV=test, which Vite would honour with React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      configFile: `${root}vite.config.ts`,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

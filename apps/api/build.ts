// The API as plain JavaScript for production: `pnpm --filter @clinicpay/api build` writes
// dist/main.mjs (the server; its mail render worker beside it) and dist/cli.mjs (migrate, seed,
// create-admin); `node dist/main.mjs` runs without tsx, whose compiler otherwise stays in the process (about 90 MB at rest). The
// workspace packages (TypeScript) are bundled in; this package's dependencies stay external and
// load from node_modules, PGlite among them (its WebAssembly files sit beside its own code).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { BUILT_RENDER_WORKER } from './src/services/mail/mail-render-pool.js';

const ROOT = import.meta.dirname;
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

/**
 * What stays in node_modules: exactly this package's runtime dependencies (so a production install
 * has each of them), except the workspace packages, which are bundled. pg-native is an optional
 * peer pg asks for lazily.
 */
export const EXTERNAL = [
  ...Object.keys(manifest.dependencies).filter(
    (name) => !name.startsWith('@clinicpay/') && name !== 'tsx',
  ),
  'pg-native',
];

/**
 * Builds main.mjs and cli.mjs into `outdir`. It must sit one level under this package, as src/
 * does: externals resolve from this package's node_modules, and env.ts finds the SPAs' builds at
 * `../../patient/dist` from the running file.
 */
export async function buildApi(
  outdir = resolve(ROOT, 'dist'),
): Promise<{ main: string; cli: string; metafile: Metafile }> {
  const result = await build({
    entryPoints: {
      main: resolve(ROOT, 'src/main.ts'),
      cli: resolve(ROOT, 'src/cli.ts'),
      // The mail sender's render thread (mail-render-pool.ts), started from beside main.mjs.
      [BUILT_RENDER_WORKER]: resolve(ROOT, '../../packages/mail/src/render-worker.ts'),
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: EXTERNAL,
    // Bundled CommonJS code (pg) still calls require().
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'error',
  });
  return {
    main: resolve(outdir, 'main.mjs'),
    cli: resolve(outdir, 'cli.mjs'),
    metafile: result.metafile,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { main, cli } = await buildApi();
  console.log(
    `Built ${main} and ${cli}: run \`node --enable-source-maps ${main}\` (NODE_ENV=production, DATABASE_URL, APP_SECRET).`,
  );
}

// The API as plain JavaScript for production: `pnpm --filter @clinicpay/api build` writes
// dist/main.mjs (the server) and dist/cli.mjs (migrate, seed, create-admin); `node dist/main.mjs`
// runs without tsx, whose compiler otherwise stays in the process (about 90 MB at rest). The
// workspace packages (TypeScript) are bundled in; this package's dependencies stay external and
// load from node_modules, PGlite among them (its WebAssembly files sit beside its own code).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = import.meta.dirname;
const EXTERNAL = ['@node-rs/argon2', '@trpc/server', '@electric-sql/pglite', 'fastify', 'pino', 'stripe', 'zod', 'pg-native'];

/** Builds main.mjs and cli.mjs into `outdir` (inside this package, so externals resolve). */
export async function buildApi(outdir = resolve(ROOT, 'dist')): Promise<{ main: string; cli: string }> {
  await build({
    entryPoints: { main: resolve(ROOT, 'src/main.ts'), cli: resolve(ROOT, 'src/cli.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: EXTERNAL,
    // Bundled CommonJS code (pg) still calls require().
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'error',
  });
  return { main: resolve(outdir, 'main.mjs'), cli: resolve(outdir, 'cli.mjs') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { main, cli } = await buildApi();
  console.log(`Built ${main} and ${cli}: run \`node ${main}\` (NODE_ENV=production, DATABASE_URL, APP_SECRET).`);
}

// The bundle budget: the JS a patient downloads before the first step can be used stays
// ≤ 120 KB gzip; Stripe.js, react-stripe-js and the form libraries load only when needed. Sizes
// are those of the brotli and gzip copies the build writes, which the API sends.
// Builds into a temporary folder, so it never races a `vite build` of dist/.
//   tsx scripts/bundle-size.mjs            check, print the table, exit 1 over budget
//   tsx scripts/bundle-size.mjs --write    also write docs/patient-bundle.md
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { writeMarkdown } from '@clinicpay/testing';

const BUDGET_KB = 120;
/** Packages that must never be in the first step's JS. */
const LAZY_ONLY = [
  '@stripe/stripe-js',
  '@stripe/react-stripe-js',
  'react-hook-form',
  '@hookform/resolvers',
  'zod',
  'altcha',
];

const root = fileURLToPath(new URL('../', import.meta.url));
const outDir = await mkdtemp(join(tmpdir(), 'patient-bundle-'));
const modulesByChunk = new Map();

try {
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true },
    plugins: [
      {
        name: 'clinicpay-bundle-stats',
        generateBundle(_options, bundle) {
          for (const [file, chunk] of Object.entries(bundle)) {
            if (chunk.type === 'chunk') modulesByChunk.set(file, packagesOf(chunk.modules));
          }
        },
      },
    ],
  });
  const manifest = JSON.parse(await readFile(join(outDir, '.vite/manifest.json'), 'utf8'));
  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
  const initial = staticClosure(manifest, entryKey);
  const rows = [];
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.file.endsWith('.js')) continue;
    const path = join(outDir, chunk.file);
    const raw = (await stat(path)).size;
    rows.push({
      key,
      file: chunk.file,
      initial: initial.has(key),
      raw,
      br: await sentSize(`${path}.br`, raw),
      gzip: await sentSize(`${path}.gz`, raw),
      packages: modulesByChunk.get(chunk.file) ?? {},
    });
  }
  rows.sort((a, b) => Number(b.initial) - Number(a.initial) || b.br - a.br);
  const initialGzip = rows.filter((r) => r.initial).reduce((sum, r) => sum + r.gzip, 0);
  const initialBr = rows.filter((r) => r.initial).reduce((sum, r) => sum + r.br, 0);
  const leaked = rows
    .filter((r) => r.initial)
    .flatMap((r) => Object.keys(r.packages).filter((p) => LAZY_ONLY.includes(p)));

  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const inlineScripts = [...html.matchAll(/<script\b([^>]*)>/g)].filter(
    ([, attrs]) => !/\bsrc=/.test(attrs),
  ).length;
  const report = renderReport(rows, initialGzip, initialBr);
  console.log(report);
  if (process.argv.includes('--write')) {
    await writeMarkdown(join(root, '../../docs/patient-bundle.md'), report);
  }
  const problems = [];
  if (initialGzip > BUDGET_KB * 1024) {
    problems.push(
      `the first step's JS is ${kb(initialGzip)} KB gzip, over the ${BUDGET_KB} KB budget`,
    );
  }
  if (inlineScripts > 0)
    problems.push(
      `index.html has ${inlineScripts} inline script(s); a strict CSP (script-src 'self') would block them`,
    );
  if (leaked.length > 0)
    problems.push(
      `the first step's JS contains ${[...new Set(leaked)].join(', ')}, which must load lazily`,
    );
  if (problems.length > 0) {
    console.error(`Bundle check failed: ${problems.join('; ')}.`);
    process.exitCode = 1;
  } else {
    console.log(
      `Bundle check passed: ${kb(initialGzip)} KB of ${BUDGET_KB} KB gzip (${kb(initialBr)} KB brotli) before the first step.`,
    );
  }
} finally {
  await rm(outDir, { recursive: true, force: true });
}

/** The size of a compressed copy the build wrote, or of the file itself where it wrote none. */
async function sentSize(copy, raw) {
  return stat(copy).then(
    (info) => info.size,
    () => raw,
  );
}

/** The entry and every chunk it imports statically: what the browser fetches before rendering. */
function staticClosure(manifest, key, seen = new Set()) {
  if (!key || seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key].imports ?? []) staticClosure(manifest, next, seen);
  return seen;
}

/** Rendered (minified, pre-gzip) bytes per npm package, our own code under "app". */
function packagesOf(modules) {
  const sizes = {};
  for (const [id, info] of Object.entries(modules)) {
    const match = id.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
    const name = match
      ? match[1]
      : id.includes('packages/ui/')
        ? '@clinicpay/ui'
        : id.includes('packages/contracts/')
          ? '@clinicpay/contracts'
          : 'app';
    sizes[name] = (sizes[name] ?? 0) + info.renderedLength;
  }
  return sizes;
}

function kb(bytes) {
  return (bytes / 1024).toFixed(1);
}

function renderReport(rows, initialGzip, initialBr) {
  const lines = [
    '# Patient SPA bundle',
    '',
    'Written by `pnpm --filter @clinicpay/patient exec node scripts/bundle-size.mjs --write`; the',
    "package's `test` script runs the same check and fails when the first step's JS passes",
    `${BUDGET_KB} KB gzip, or when ${LAZY_ONLY.join(', ')} reach it.`,
    '',
    `**First step (entry and its static imports): ${kb(initialGzip)} KB gzip** of ${BUDGET_KB} KB;`,
    `${kb(initialBr)} KB as the brotli that browsers accept.`,
    '',
    'How it stays there:',
    '',
    "- React Router in declarative mode (`<BrowserRouter>`): the data router's loaders and actions",
    '  cost 16 KB gzip that this app would not use.',
    '- Every step after the first, the result page and the checkout are chunks of their own',
    '  (`React.lazy`), fetched while the patient reads the step before (`prefetchSteps`); the card',
    "  form's chunk and Stripe.js start loading when the payment step shows Stripe selected.",
    '- The first step uses native buttons (`ChoiceList`, `LoadError`, `buttonClass` from',
    "  `@clinicpay/ui`): React Aria's press handling (about 13 KB gzip) arrives with the later steps.",
    '- react-hook-form, its resolvers and zod load with the details step; Stripe.js (from the',
    '  configured source) and react-stripe-js with the card form.',
    '- The proof-of-work widget (altcha, its `external` build) and its SHA worker are fetched only',
    '  when the API asks the details step for a challenge (the clinic turned it on, or a flood is',
    "  under way): both are files of the app's own origin, so `script-src 'self'` (and `worker-src`,",
    '  which falls back to it) covers them; nothing is inlined, no blob: worker.',
    '- `index.html` has no inline script (checked here), and the app adds none, so the page can be',
    "  served with a strict CSP: `script-src 'self'` plus the Stripe.js origin the payment settings",
    "  name (`https://js.stripe.com`), Stripe's origins in `frame-src` and `connect-src` (see Stripe's",
    "  CSP guide for the current list; in development, the emulator's origin instead).",
    '',
    '| chunk | loaded | raw KB | br KB | gzip KB | largest parts (KB of code before minifying) |',
    '| --- | --- | ---: | ---: | ---: | --- |',
  ];
  for (const row of rows) {
    const parts = Object.entries(row.packages)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([name, bytes]) => `${name} ${kb(bytes)}`)
      .join(', ');
    const name = row.key === 'index.html' ? 'index.html (entry)' : row.key;
    lines.push(
      `| \`${name}\` | ${row.initial ? 'first step' : 'on demand'} | ${kb(row.raw)} | ${kb(row.br)} | ${kb(row.gzip)} | ${parts} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

// The production build (build.ts): the bundled server starts on embedded PGlite and answers its
// health check, and the bundled CLI migrates a real PostgreSQL database, both without tsx.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase } from '@clinicpay/db/testing';
import { createRenderPool, renderMail, type MailMessage } from '@clinicpay/mail';
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApi } from '../build.js';
import { BUILT_RENDER_WORKER } from '../src/services/mail/mail-render-pool.js';

// Inside this package, as dist/ is, so the external dependencies resolve from its node_modules.
const outdir = resolve(import.meta.dirname, `../dist/test-build-${process.pid}`);
const dataDir = mkdtempSync(join(tmpdir(), 'clinicpay-built-'));
let built: Awaited<ReturnType<typeof buildApi>>;

beforeAll(async () => {
  built = await buildApi(outdir);
}, 60_000);
afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts a built server and resolves with its address once it says it listens. */
async function startBuilt(env: Record<string, string>) {
  const child = spawn(process.execPath, [built.main], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      LOG_LEVEL: 'info',
      SWEEP_INTERVAL_SECONDS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`no "Server listening" line in 30 s:\n${output}`)),
      30_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/[^"\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => reject(new Error(`exited ${child.exitCode}:\n${output}`)));
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

it('the bundled server starts on embedded PGlite and answers its health check', async () => {
  const server = await startBuilt({ DATA_DIR: dataDir });
  try {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({
      status: 'ok',
      database: 'up',
    });
  } finally {
    await server.stop();
  }
});

it('the bundled server runs in production on PostgreSQL, serving its health check', async () => {
  const database = await createTestDatabase();
  const server = await startBuilt({
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    APP_SECRET: 'x'.repeat(32),
    PUBLIC_URL: 'https://book.clinic.example',
  });
  try {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({
      status: 'ok',
      database: 'up',
    });
  } finally {
    await server.stop();
    await database.drop();
  }
});

it("the bundled mail render worker, beside main.mjs, renders a message as the sender's thread would", async () => {
  const pool = createRenderPool({
    worker: pathToFileURL(resolve(built.main, `../${BUILT_RENDER_WORKER}.mjs`)),
  });
  const message: MailMessage = {
    kind: 'booking_confirmed',
    clinic: {
      name: 'Harbour View Family Clinic',
      email: 'desk@harbourview.example',
      phone: '+6495550100',
      address: '12 Quay Street, Auckland 1010',
      timeZone: 'Pacific/Auckland',
    },
    appointment: {
      reference: 'CP-7KQ2',
      serviceName: 'Consultation',
      doctorName: 'Dr. Aroha Ngata',
      startsAt: new Date('2026-12-08T20:30:00Z'),
      endsAt: new Date('2026-12-08T21:00:00Z'),
      link: 'https://book.harbourview.example/booking/CP-7KQ2?token=t',
    },
    payment: { method: 'stripe', amount: { amount: 6000, currency: 'nzd' } },
    calendar: { sequence: 0 },
  };
  const now = new Date('2026-12-01T00:00:00Z');
  try {
    const rendered = await pool.render(message, { now });
    expect(rendered).toEqual(await renderMail(message, { now }));
    expect(rendered.attachments).toHaveLength(1);
  } finally {
    await pool.close();
  }
});

it('loads from node_modules only what a production install of the API has', () => {
  const { dependencies } = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8'),
  ) as { dependencies: Record<string, string> };
  const packageOf = (path: string) =>
    path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]!;
  const loaded = new Set(
    Object.values(built.metafile.outputs)
      .flatMap((output) => output.imports)
      .filter((i) => i.external && !isBuiltin(i.path))
      .map((i) => packageOf(i.path)),
  );
  expect([...loaded].filter((name) => !(name in dependencies) && name !== 'pg-native')).toEqual([]);
  expect(loaded.size).toBeGreaterThan(3);
});

it('bundles no emulator or test code: the demo values come from their own small module', () => {
  const inputs = Object.keys(built.metafile.inputs);
  expect(inputs.filter((path) => /stripe-emulator|\/testing[./]|\/test\//.test(path))).toEqual([]);
  // The seed (in the CLI) still knows the public demo values, from @clinicpay/demo.
  expect(inputs.some((path) => path.includes('packages/demo/src/index.ts'))).toBe(true);
});

it('the bundled CLI migrates a PostgreSQL database', async () => {
  const database = await createTestDatabase({ migrated: false });
  try {
    const result = spawnSync(process.execPath, [built.cli, 'migrate'], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: database.url,
        APP_SECRET: 'x'.repeat(32),
        LOG_LEVEL: 'silent',
      },
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Applied \d+ migration\(s\): 2026_11_26_0001_catalogue/);
    expect(result.status).toBe(0);
  } finally {
    await database.drop();
  }
});

// The API as an operator meets it: a process started with bad settings says what to fix, in
// sentences, without a stack trace.
import { execFile, spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase } from '@clinicpay/db/testing';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const apiRoot = resolve(import.meta.dirname, '..');

async function startApi(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  try {
    // Node itself, not through pnpm: a signal or an exit code then belongs to the API alone.
    await run(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: apiRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      timeout: 30_000,
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

describe('starting the API with bad settings', () => {
  it('names an unreachable DATABASE_URL with its password masked, in one line', async () => {
    const result = await startApi({
      DATABASE_URL: 'postgres://clinic:hunter2secret@127.0.0.1:1/clinicpay',
      PORT: '0',
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('127.0.0.1:1');
    expect(lines[0]).toContain('***');
    expect(result.stderr).not.toContain('hunter2secret');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists every invalid variable with what it should be', async () => {
    const result = await startApi({
      PORT: 'seventy',
      APP_SECRET: 'too-short',
      NODE_ENV: 'staging',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT is not valid');
    expect(result.stderr).toContain('APP_SECRET is not valid: it should be at least 32');
    expect(result.stderr).toContain(
      'NODE_ENV is not valid: it should be one of development, test, production',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a running API process', () => {
  it('stops listening, closes the database and exits 0 on SIGTERM', async () => {
    const database = await createTestDatabase();
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: apiRoot,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATABASE_URL: database.url,
        PORT: String(port),
        LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
      detached: true,
    });
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200);
      const exited = new Promise<number | null>((resolvePromise) =>
        child.once('exit', (code) => resolvePromise(code)),
      );
      process.kill(-child.pid!, 'SIGTERM');
      expect(await exited).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
      await database.drop();
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
    server.once('error', reject);
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out waiting for the API to answer');
}

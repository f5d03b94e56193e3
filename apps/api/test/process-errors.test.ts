// The API as an operator meets it: a process started with bad settings says what to fix, in
// sentences, without a stack trace.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const apiRoot = resolve(import.meta.dirname, '..');

async function startApi(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  try {
    await run('pnpm', ['exec', 'tsx', 'src/main.ts'], {
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
    const result = await startApi({ DATABASE_URL: 'postgres://clinic:hunter2secret@127.0.0.1:1/clinicpay', PORT: '0' });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('127.0.0.1:1');
    expect(lines[0]).toContain('***');
    expect(result.stderr).not.toContain('hunter2secret');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists every invalid variable with what it should be', async () => {
    const result = await startApi({ PORT: 'seventy', APP_SECRET: 'too-short', NODE_ENV: 'staging' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT is not valid');
    expect(result.stderr).toContain('APP_SECRET is not valid: it should be at least 32');
    expect(result.stderr).toContain('NODE_ENV is not valid: it should be one of development, test, production');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

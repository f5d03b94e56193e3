import { describe, expect, it } from 'vitest';
import { InvalidConfigError, loadConfig } from './env.js';

describe('loadConfig', () => {
  it('gives embedded defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, dataDir: '.data' });
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('lists every bad variable with what it should be, in one error', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', APP_SECRET: 'short' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidConfigError);
    const problems = (caught as InvalidConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/PORT is not valid: it should be a TCP port/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL is not valid: it should be a PostgreSQL URL/);
    expect(problems.join('\n')).toMatch(/APP_SECRET is not valid: it should be at least 32/);
  });

  it('requires APP_SECRET and DATABASE_URL in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/APP_SECRET is missing[\s\S]*DATABASE_URL is missing/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });
});

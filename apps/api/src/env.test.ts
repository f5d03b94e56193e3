import { describe, expect, it } from 'vitest';
import { InvalidConfigError, loadConfig } from './env.js';

describe('loadConfig', () => {
  it('gives embedded defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: '.data',
    });
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
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /APP_SECRET is missing[\s\S]*DATABASE_URL is missing/,
    );
  });

  it('knows whether NODE_ENV and PUBLIC_URL were given (production starts need both)', () => {
    const given = loadConfig({
      NODE_ENV: 'development',
      PUBLIC_URL: 'https://book.clinic.example',
    });
    expect(given).toMatchObject({ nodeEnvGiven: true, publicUrlGiven: true });
    expect(loadConfig({})).toMatchObject({ nodeEnvGiven: false, publicUrlGiven: false });
  });

  it('prepares statements on PostgreSQL unless PG_PREPARE_STATEMENTS=off (PgBouncer in transaction mode)', () => {
    expect(loadConfig({}).prepareStatements).toBe(true);
    expect(loadConfig({ PG_PREPARE_STATEMENTS: 'off' }).prepareStatements).toBe(false);
    expect(loadConfig({ PG_PREPARE_STATEMENTS: 'on' }).prepareStatements).toBe(true);
    expect(() => loadConfig({ PG_PREPARE_STATEMENTS: 'false' })).toThrow(
      /PG_PREPARE_STATEMENTS is not valid: it should be on \(prepare/,
    );
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it('trusts X-Forwarded-For only from the proxies TRUST_PROXY names (none by default, production too)', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://x@h/db',
      APP_SECRET: 'x'.repeat(32),
      PUBLIC_URL: 'https://book.clinic.example',
    };
    expect(loadConfig({}).security.trustProxy).toBe(false);
    expect(loadConfig(production).security.trustProxy).toBe(false);
    expect(loadConfig({ ...production, TRUST_PROXY: '10.0.0.0/8' }).security.trustProxy).toEqual([
      '10.0.0.0/8',
    ]);
    expect(loadConfig({ ...production, TRUST_PROXY: 'False' }).security.trustProxy).toBe(false);
    expect(
      loadConfig({ TRUST_PROXY: ' 10.0.0.0/8, 192.168.1.5 ,LOOPBACK, ::1, fd00::/8' }).security
        .trustProxy,
    ).toEqual(['10.0.0.0/8', '192.168.1.5', 'loopback', '::1', 'fd00::/8']);
    for (const bad of ['1', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1', '10.0.0.0/x']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(
        /TRUST_PROXY is not valid: it should be false, or a comma-separated list of the proxies' addresses/,
      );
    }
  });

  it('reads the mail settings: SMTP off by default, the sender, and the admin address for links', () => {
    const defaults = loadConfig({ PUBLIC_URL: 'https://book.clinic.example' }).mail;
    expect(defaults).toMatchObject({
      smtpUrl: undefined,
      from: { name: 'Clinicpay', address: 'bookings@book.clinic.example' },
      adminUrl: 'https://book.clinic.example/admin/',
    });
    const set = loadConfig({
      SMTP_URL: 'smtp://user:pass@smtp.example.com:587',
      MAIL_FROM: 'Harbour Clinic <bookings@harbour.example>',
      ADMIN_URL: 'https://admin.harbour.example/admin',
    }).mail;
    expect(set).toMatchObject({
      smtpUrl: 'smtp://user:pass@smtp.example.com:587',
      from: { name: 'Harbour Clinic', address: 'bookings@harbour.example' },
      adminUrl: 'https://admin.harbour.example/admin/',
    });
  });

  it('refuses a sender that could add a header, and production SMTP without MAIL_FROM', () => {
    expect(() => loadConfig({ MAIL_FROM: 'Clinic <a@b.example>\r\nBcc: x@y.example' })).toThrow(
      /MAIL_FROM is not valid: it should be a sender such as/,
    );
    expect(() => loadConfig({ SMTP_URL: 'http://smtp.example.com' })).toThrow(
      /SMTP_URL is not valid: it should be an SMTP URL/,
    );
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://x@h/db',
        APP_SECRET: 'x'.repeat(32),
        SMTP_URL: 'smtp://smtp.example.com:587',
      }),
    ).toThrow(/MAIL_FROM is missing: with SMTP_URL set/);
  });
});

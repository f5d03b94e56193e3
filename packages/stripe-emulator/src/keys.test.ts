import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_KEYS, generateApiKey, keyShape, Keyring, maskKey } from './keys';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(path).isDirectory()
      ? sourceFiles(path)
      : /\.(ts|md|json)$/.test(name)
        ? [path]
        : [];
  });
}

describe('keys', () => {
  it('ships test-mode demo keys only', () => {
    expect(keyShape(DEMO_KEYS.secretKey)).toEqual({ kind: 'secret', mode: 'test' });
    expect(keyShape(DEMO_KEYS.publishableKey)).toEqual({ kind: 'publishable', mode: 'test' });
    expect(DEMO_KEYS.webhookSigningSecret).toMatch(/^whsec_[A-Za-z0-9]+$/);
  });

  it('commits no string shaped like a live key anywhere in the package', () => {
    const liveShaped = new RegExp(
      ['sk', 'rk', 'pk'].map((k) => `${k}_live_[A-Za-z0-9]{16,}`).join('|'),
    );
    const root = join(import.meta.dirname, '..');
    const offenders = sourceFiles(root).filter((file) =>
      liveShaped.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('generates live keys at run time and masks keys as Stripe does', () => {
    const live = generateApiKey('sk', 'live');
    expect(keyShape(live)).toEqual({ kind: 'secret', mode: 'live' });
    expect(maskKey('sk_test_abcdefgh1234')).toBe('sk_test_********1234');
  });

  it('gives restricted keys the read right with each write right', () => {
    const ring = new Keyring([{ key: 'rk_test_abc', rights: ['refund_write'] }]);
    expect([...(ring.resolve('rk_test_abc')?.rights ?? [])].sort()).toEqual([
      'refund_read',
      'refund_write',
    ]);
    expect(() => new Keyring(['not_a_key'])).toThrow(/Not a Stripe API key/);
  });
});

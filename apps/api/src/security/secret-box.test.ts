import { describe, expect, it } from 'vitest';
import { createSecretBox, maskSecret, SecretBoxError } from './secret-box.js';

const APP_SECRET = 'a'.repeat(16) + 'b'.repeat(16) + 'c'.repeat(8);

describe('secret box', () => {
  it('round-trips a secret and never stores it in clear', () => {
    const box = createSecretBox(APP_SECRET);
    const stored = box.encrypt('sk_test_abcdefghijklmnop4242', 'stripe.test.secret_key');
    expect(stored).not.toContain('sk_test');
    expect(stored).not.toContain('4242');
    expect(box.decrypt(stored, 'stripe.test.secret_key')).toBe('sk_test_abcdefghijklmnop4242');
  });

  it('uses a fresh IV each time', () => {
    const box = createSecretBox(APP_SECRET);
    expect(box.encrypt('same', 'p')).not.toBe(box.encrypt('same', 'p'));
  });

  it('names a wrong APP_SECRET instead of returning garbage', () => {
    const stored = createSecretBox(APP_SECRET).encrypt('whsec_x', 'stripe.test.webhook_secret');
    const other = createSecretBox('z'.repeat(40));
    expect(() => other.decrypt(stored, 'stripe.test.webhook_secret')).toThrow(
      expect.objectContaining({ code: 'wrong_app_secret' }) as Error,
    );
  });

  it('refuses a value moved to another purpose or tampered with', () => {
    const box = createSecretBox(APP_SECRET);
    const stored = box.encrypt('sk_test_1', 'stripe.test.secret_key');
    expect(() => box.decrypt(stored, 'stripe.live.secret_key')).toThrow(SecretBoxError);
    const parts = stored.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => box.decrypt(parts.join('.'), 'stripe.test.secret_key')).toThrow(/integrity/);
    expect(() => box.decrypt('not-a-secret', 'stripe.test.secret_key')).toThrow(/format/);
  });

  it('refuses a sealed value with any character added, whatever its length', () => {
    const box = createSecretBox(APP_SECRET);
    for (let length = 0; length < 12; length++) {
      const stored = box.encrypt('x'.repeat(length), 'admin.paging_cursor');
      for (const extra of ['x', 'A', '=', '.']) {
        expect(
          () => box.decrypt(`${stored}${extra}`, 'admin.paging_cursor'),
          `length ${length} + ${extra}`,
        ).toThrow(SecretBoxError);
      }
    }
  });

  it('refuses a last character changed to another that decodes to the same bytes', () => {
    const box = createSecretBox(APP_SECRET);
    // Two bytes of ciphertext end in a character whose low bits are unused: A and B decode alike.
    const stored = box.encrypt('xy', 'p');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = alphabet[alphabet.indexOf(stored.at(-1)!) ^ 1]!;
    expect(Buffer.from(stored.split('.')[4]!.slice(0, -1) + twin, 'base64url')).toEqual(
      Buffer.from(stored.split('.')[4]!, 'base64url'),
    );
    expect(() => box.decrypt(stored.slice(0, -1) + twin, 'p')).toThrow(SecretBoxError);
  });

  it('masks keys to prefix and last four', () => {
    expect(maskSecret('sk_test_51Habcdefgh4242')).toBe('sk_test_…4242');
    expect(maskSecret('whsec_abcdefghijkl9876')).toBe('whsec_…9876');
    expect(maskSecret('sk_test_ab')).toBe('sk_test_…');
  });
});

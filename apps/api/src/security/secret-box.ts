import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encrypts stored secrets (Stripe secret keys, webhook signing secrets) with AES-256-GCM.
 *
 * Stored form: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). The key id is a
 * fingerprint of the derived key, so a wrong APP_SECRET is reported as such instead of as a
 * corrupt value, and nothing is overwritten by mistake. Each value is bound to its purpose
 * (associated data), so a ciphertext copied into another column does not decrypt there.
 */
export type SecretPurpose = string;

export class SecretBoxError extends Error {
  constructor(
    readonly code: 'wrong_app_secret' | 'corrupt_secret',
    message: string,
  ) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

export interface SecretBox {
  encrypt(plaintext: string, purpose: SecretPurpose): string;
  decrypt(stored: string, purpose: SecretPurpose): string;
  /** A key for one signing job (e.g. the booking challenge's HMAC), derived from APP_SECRET. */
  signingKey(job: string): string;
  readonly keyId: string;
}

const VERSION = 'v1';

export function createSecretBox(appSecret: string): SecretBox {
  if (appSecret.length < 32) throw new Error('APP_SECRET must be at least 32 characters.');
  // HKDF turns the operator's secret into a key used for this one job only.
  const key = Buffer.from(
    hkdfSync('sha256', appSecret, 'clinicpay', 'stored-secrets/aes-256-gcm', 32),
  );
  const keyId = createHash('sha256').update(key).digest('base64url').slice(0, 8);

  return {
    keyId,
    signingKey: (job) =>
      Buffer.from(hkdfSync('sha256', appSecret, 'clinicpay', `signing/${job}`, 32)).toString(
        'base64url',
      ),
    encrypt(plaintext, purpose) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(purpose));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        VERSION,
        keyId,
        iv.toString('base64url'),
        tag.toString('base64url'),
        ciphertext.toString('base64url'),
      ].join('.');
    },
    decrypt(stored, purpose) {
      const [version, storedKeyId, iv, tag, ciphertext, ...rest] = stored.split('.');
      if (
        version !== VERSION ||
        !storedKeyId ||
        !iv ||
        !tag ||
        ciphertext === undefined ||
        rest.length > 0
      ) {
        throw new SecretBoxError(
          'corrupt_secret',
          `A stored secret (${purpose}) is not in a format this version can read.`,
        );
      }
      if (storedKeyId !== keyId) {
        throw new SecretBoxError(
          'wrong_app_secret',
          `A stored secret (${purpose}) was encrypted with a different APP_SECRET. Start the API with the APP_SECRET it was saved with, or enter the secret again in the admin.`,
        );
      }
      // Node's decoder ignores a dangling last character, so `…x` and `…` would both open: only the
      // exact encoding we wrote is accepted, and any change to a sealed value is refused.
      const canonical = [iv, tag, ciphertext].every(
        (part) => Buffer.from(part, 'base64url').toString('base64url') === part,
      );
      if (!canonical) {
        throw new SecretBoxError(
          'corrupt_secret',
          `A stored secret (${purpose}) failed its integrity check; enter it again in the admin.`,
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(purpose));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([
          decipher.update(Buffer.from(ciphertext, 'base64url')),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new SecretBoxError(
          'corrupt_secret',
          `A stored secret (${purpose}) failed its integrity check; enter it again in the admin.`,
        );
      }
    },
  };
}

/** `sk_test_…4242`: enough to recognise a key, never enough to use it. */
export function maskSecret(secret: string): string {
  const prefix = /^(sk|rk|pk)_(test|live)_|^whsec_/.exec(secret)?.[0] ?? '';
  const last4 = secret.length - prefix.length >= 8 ? secret.slice(-4) : '';
  return `${prefix}…${last4}`;
}

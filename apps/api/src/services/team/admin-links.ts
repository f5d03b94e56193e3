import { createHash, randomBytes } from 'node:crypto';
import type { SecretBox } from '../../security/secret-box.js';

// A link's token is 256 random bits; the database keeps its SHA-256 (admin_links.token_hash), and
// the outbox keeps it encrypted with APP_SECRET only until the e-mail is sent.
const PURPOSE = 'admin_links.token';

export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function sealLinkToken(secretBox: SecretBox, token: string): string {
  return secretBox.encrypt(token, PURPOSE);
}

export function unsealLinkToken(secretBox: SecretBox, sealed: string): string {
  return secretBox.decrypt(sealed, PURPOSE);
}

/** The admin SPA's page a link opens, e.g. https://clinic.example/admin/invitation?token=… */
export function adminLinkUrl(
  adminUrl: string,
  page: 'invitation' | 'reset-password',
  token: string,
) {
  return `${adminUrl}${page}?token=${encodeURIComponent(token)}`;
}

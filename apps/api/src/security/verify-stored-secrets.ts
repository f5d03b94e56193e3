import {
  findEncryptedStripeSecrets,
  findEncryptedTotpSecrets,
  type Database,
  type Kysely,
} from '@clinicpay/db';
import type { SecretBox } from './secret-box.js';
import { stripeSecretPurpose, totpSecretPurpose } from './secret-purposes.js';

/**
 * Decrypts every stored secret once, so a wrong APP_SECRET stops the start with SecretBoxError
 * ("encrypted with a different APP_SECRET") instead of failing later at the first payment.
 */
export async function verifyStoredSecrets(deps: {
  db: Kysely<Database>;
  secretBox: SecretBox;
}): Promise<void> {
  const rows = await findEncryptedStripeSecrets(deps.db);
  for (const row of rows) {
    const stored = [
      [row.test_secret_key_encrypted, stripeSecretPurpose('test', 'secret_key')],
      [row.test_webhook_secret_encrypted, stripeSecretPurpose('test', 'webhook_secret')],
      [row.live_secret_key_encrypted, stripeSecretPurpose('live', 'secret_key')],
      [row.live_webhook_secret_encrypted, stripeSecretPurpose('live', 'webhook_secret')],
    ] as const;
    for (const [ciphertext, purpose] of stored) {
      if (ciphertext) deps.secretBox.decrypt(ciphertext, purpose);
    }
  }
  for (const admin of await findEncryptedTotpSecrets(deps.db)) {
    for (const sealed of [admin.totp_secret_encrypted, admin.totp_pending_encrypted]) {
      if (sealed) deps.secretBox.decrypt(sealed, totpSecretPurpose(admin.id));
    }
  }
}

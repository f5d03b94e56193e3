import type { GatewayMode } from '@clinicpay/db';

/**
 * The associated data each stored secret is encrypted with: a ciphertext only decrypts in the
 * column it was written for (a live key copied into the test column fails loudly).
 */
export function stripeSecretPurpose(
  mode: GatewayMode,
  field: 'secret_key' | 'webhook_secret',
): string {
  return `gateway_settings.stripe.${mode}.${field}`;
}

/** An admin's TOTP secret only decrypts as that admin's: a copy into another row fails. */
export function totpSecretPurpose(adminUserId: string): string {
  return `admin_users.${adminUserId}.totp_secret`;
}

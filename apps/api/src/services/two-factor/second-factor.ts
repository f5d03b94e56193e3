import { acceptTotpStep, useRecoveryCode } from '@clinicpay/db';
import type { AppDeps } from '../../deps.js';
import { totpSecretPurpose } from '../../security/secret-purposes.js';
import { hashRecoveryCode } from './recovery-codes.js';
import { totpStepOf } from './totp.js';

/**
 * Checks a second factor: 6 digits against the admin's TOTP secret (each step accepted once), or
 * one of their recovery codes (each used once). Which one passed, or null.
 */
export async function passSecondFactor(
  deps: Pick<AppDeps, 'db' | 'clock' | 'secretBox'>,
  admin: { id: string; totp_secret_encrypted: string | null },
  code: string,
): Promise<'totp' | 'recovery' | null> {
  if (!admin.totp_secret_encrypted) return null;
  const now = deps.clock.now();
  if (/^\d{6}$/.test(code)) {
    const secret = deps.secretBox.decrypt(admin.totp_secret_encrypted, totpSecretPurpose(admin.id));
    const step = totpStepOf(secret, code, now);
    return step !== null && (await acceptTotpStep(deps.db, admin.id, step)) ? 'totp' : null;
  }
  return (await useRecoveryCode(deps.db, admin.id, hashRecoveryCode(code), now))
    ? 'recovery'
    : null;
}

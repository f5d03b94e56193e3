import {
  confirmAdminSession,
  disableTotp,
  enableTotp,
  findClinic,
  findTwoFactorState,
  replaceRecoveryCodes,
  setPendingTotpSecret,
  setTwoFactorRequired,
} from '@clinicpay/db';
import type { AdminContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { totpSecretPurpose } from '../../security/secret-purposes.js';
import { audit } from '../audit/record-audit.js';
import { newRecoveryCodes } from './recovery-codes.js';
import { newTotpSecret, totpStepOf, totpUri } from './totp.js';

/** The signed-in admin's own two-factor sign-in: on or off, codes left, whether the clinic requires it. */
export async function twoFactorStatus(ctx: AdminContext) {
  const state = await findTwoFactorState(ctx.db, ctx.admin.id);
  return {
    enabled: Boolean(state?.totp_enabled_at),
    enabledAt: state?.totp_enabled_at?.toISOString() ?? null,
    recoveryCodesLeft: state?.recovery_codes_left ?? 0,
    requiredByClinic: ctx.session.twoFactorRequired,
  };
}

/**
 * Starts enrolment: a new secret, kept sealed until the first code proves the app has it. The
 * secret is in this answer and nowhere else in clear: the QR code is drawn from it in the browser.
 */
export async function startTwoFactor(ctx: AdminContext) {
  const state = await findTwoFactorState(ctx.db, ctx.admin.id);
  if (state?.totp_enabled_at)
    throw new AppError(
      'transition_not_allowed',
      'Two-factor sign-in is already on. Turn it off first to move it to another phone.',
    );
  const secret = newTotpSecret();
  await setPendingTotpSecret(
    ctx.db,
    ctx.admin.id,
    ctx.secretBox.encrypt(secret, totpSecretPurpose(ctx.admin.id)),
  );
  const clinic = await findClinic(ctx.db);
  const issuer = clinic?.name ? `Clinicpay (${clinic.name})` : 'Clinicpay';
  return { secret, uri: totpUri(secret, ctx.admin.email, issuer) };
}

/** Finishes enrolment with the app's first code; answers the recovery codes, shown this once. */
export async function confirmTwoFactor(ctx: AdminContext, code: string) {
  const state = await findTwoFactorState(ctx.db, ctx.admin.id);
  const pending = state?.totp_pending_encrypted;
  if (!pending)
    throw new AppError(
      'transition_not_allowed',
      state?.totp_enabled_at
        ? 'Two-factor sign-in is already on.'
        : 'Start again: choose "Set up two-factor sign-in" and scan the new QR code.',
    );
  const secret = ctx.secretBox.decrypt(pending, totpSecretPurpose(ctx.admin.id));
  const step = totpStepOf(secret, code, ctx.clock.now());
  if (step === null)
    throw new AppError(
      'invalid_input',
      'That code does not match. Enter the newest code your app shows for Clinicpay; if it keeps failing, check the time on your phone.',
      { fieldErrors: [{ path: 'code', message: 'That code does not match.' }] },
    );
  const { codes, hashes } = newRecoveryCodes();
  const enabled = await enableTotp(ctx.db, {
    adminUserId: ctx.admin.id,
    sealedSecret: pending,
    step,
    recoveryCodeHashes: hashes,
    now: ctx.clock.now(),
  });
  if (!enabled)
    throw new AppError(
      'transition_not_allowed',
      'Set-up was restarted in another window: finish it there, or start again here.',
    );
  // The code just typed proves it is them: risky actions need no new confirmation for a while.
  await confirmAdminSession(ctx.db, ctx.sessionTokenHash, ctx.clock.now());
  await audit(ctx, ctx.admin, 'admin.two_factor_enabled', `admin:${ctx.admin.email}`);
  return { recoveryCodes: codes };
}

/** Ten new recovery codes; the old ones stop working. */
export async function renewRecoveryCodes(ctx: AdminContext) {
  if (!ctx.admin.twoFactorEnabled)
    throw new AppError('transition_not_allowed', 'Turn two-factor sign-in on first.');
  const { codes, hashes } = newRecoveryCodes();
  await replaceRecoveryCodes(ctx.db, ctx.admin.id, hashes);
  await audit(ctx, ctx.admin, 'admin.recovery_codes_renewed', `admin:${ctx.admin.email}`);
  return { recoveryCodes: codes };
}

/** Turns the admin's own two-factor sign-in off, unless the clinic requires it. */
export async function turnOffTwoFactor(ctx: AdminContext) {
  if (ctx.session.twoFactorRequired)
    throw new AppError(
      'transition_not_allowed',
      'Your clinic requires two-factor sign-in, so it cannot be turned off. To move it to a new phone, ask an Owner to lift the requirement for a moment.',
    );
  await disableTotp(ctx.db, ctx.admin.id);
  await audit(ctx, ctx.admin, 'admin.two_factor_disabled', `admin:${ctx.admin.email}`);
  return { enabled: false as const };
}

/**
 * An Owner requires (or stops requiring) two-factor sign-in for every admin. Admins without it
 * are asked to set it up before anything else, at their next request. The Owner turns it on for
 * themselves first, so they cannot lock everyone out with a rule they have not tried.
 */
export async function requireTwoFactor(ctx: AdminContext, required: boolean) {
  if (required && !ctx.admin.twoFactorEnabled)
    throw new AppError(
      'transition_not_allowed',
      'Set up two-factor sign-in for yourself first (Account page), then require it for everyone.',
    );
  await setTwoFactorRequired(ctx.db, required);
  await audit(ctx, ctx.admin, 'clinic.two_factor_required', null, { required });
  return { required };
}

import { RECONFIRM_MINUTES } from '@clinicpay/contracts';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import type { SessionFacts, SignedInAdmin } from './admin-sessions.js';

/**
 * A stolen session (or a browser left signed in) must not be enough to redirect payments, let
 * someone in or send money out: changing Stripe keys, managing admins and refunds need the
 * password, or a code, typed in this session within the last minutes (`auth.reconfirm`).
 */
export function assertRecentlyConfirmed(ctx: { session: SessionFacts; clock: Clock }): void {
  const ageMs = ctx.clock.now().getTime() - ctx.session.confirmedAt.getTime();
  if (ageMs <= RECONFIRM_MINUTES * 60_000) return;
  throw new AppError(
    'reconfirm_needed',
    'Confirm it is you to do this: enter your password, or a code from your authenticator app.',
  );
}

/** While the clinic requires two-factor sign-in, an admin without it can only set it up. */
export function assertTwoFactorInPlace(ctx: {
  session: SessionFacts;
  admin: Pick<SignedInAdmin, 'twoFactorEnabled'>;
}): void {
  if (!ctx.session.twoFactorRequired || ctx.admin.twoFactorEnabled) return;
  throw new AppError(
    'two_factor_setup_needed',
    'Your clinic requires two-factor sign-in. Set it up on your Account page to continue.',
  );
}

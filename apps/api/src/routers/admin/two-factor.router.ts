import { SetTwoFactorRequiredInput, TotpCodeInput } from '@clinicpay/contracts';
import {
  confirmTwoFactor,
  renewRecoveryCodes,
  requireTwoFactor,
  startTwoFactor,
  turnOffTwoFactor,
  twoFactorStatus,
} from '../../services/two-factor/two-factor.service.js';
import {
  confirmedProcedure,
  confirmedSignedInProcedure,
  router,
  signedInProcedure,
} from '../../trpc.js';

/**
 * Each admin's own two-factor sign-in (any role; allowed before it is set up, even where the clinic
 * requires it), and the Owner's rule that everyone must use it.
 */
export const twoFactorRouter = router({
  status: signedInProcedure.query(({ ctx }) => twoFactorStatus(ctx)),
  /** A new secret for the QR code; re-confirmed, so a borrowed session cannot lock its owner out. */
  start: confirmedSignedInProcedure.mutation(({ ctx }) => startTwoFactor(ctx)),
  confirm: signedInProcedure
    .input(TotpCodeInput)
    .mutation(({ ctx, input }) => confirmTwoFactor(ctx, input.code)),
  renewRecoveryCodes: confirmedSignedInProcedure.mutation(({ ctx }) => renewRecoveryCodes(ctx)),
  turnOff: confirmedSignedInProcedure.mutation(({ ctx }) => turnOffTwoFactor(ctx)),
  setRequired: confirmedProcedure('admins.manage')
    .input(SetTwoFactorRequiredInput)
    .mutation(({ ctx, input }) => requireTwoFactor(ctx, input.required)),
});

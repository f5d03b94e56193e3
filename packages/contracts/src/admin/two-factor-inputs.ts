import { z } from '../zod.js';

/** Minutes after typing the password (or a code) during which risky actions need no new proof. */
export const RECONFIRM_MINUTES = 10;

/** How many single-use recovery codes an admin gets when they turn two-factor sign-in on. */
export const RECOVERY_CODE_COUNT = 10;

/**
 * What the admin types as a second factor: the 6 digits of their authenticator app, or one of
 * their recovery codes (ten letters and digits, shown as `xxxxx-xxxxx`). Spaces and dashes are
 * ignored, so a code copied either way works.
 */
export const SecondFactorCode = z
  .string()
  .transform((code) => code.replace(/[\s-]/g, '').toLowerCase())
  .pipe(
    z.string().regex(/^(\d{6}|[a-z0-9]{10})$/, {
      message: 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.',
    }),
  );

/** Only the authenticator's 6 digits (enrolment proves the app has the secret). */
export const TotpCodeInput = z.object({
  code: z
    .string()
    .transform((code) => code.replace(/\s/g, ''))
    .pipe(
      z.string().regex(/^\d{6}$/, { message: 'Enter the 6 digits your authenticator app shows.' }),
    ),
});
export type TotpCodeInput = z.infer<typeof TotpCodeInput>;

/** Proves it is still the admin at the keyboard: the password, or a code when two-factor is on. */
export const ReconfirmInput = z.union(
  [
    z.object({
      password: z
        .string()
        .min(1, { message: 'Enter your password.' })
        .max(256, { message: 'Passwords are at most 256 characters.' }),
    }),
    z.object({ code: SecondFactorCode }),
  ],
  { message: 'Enter your password, or a code from your authenticator app.' },
);
export type ReconfirmInput = z.infer<typeof ReconfirmInput>;

export const SetTwoFactorRequiredInput = z.object({
  required: z.boolean({ message: 'Say whether every admin must use two-factor sign-in.' }),
});
export type SetTwoFactorRequiredInput = z.infer<typeof SetTwoFactorRequiredInput>;

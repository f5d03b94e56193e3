import { z } from '../zod.js';
import { SecondFactorCode } from './two-factor-inputs.js';

/** Sign-in form. The password's length is capped so nobody can make the server hash megabytes. */
export const SignInInput = z.object({
  email: z
    .string()
    .trim()
    .max(254, { message: 'This email address is too long.' })
    .pipe(z.email({ message: 'Enter the email address you sign in with, like name@example.com.' })),
  password: z
    .string()
    .min(1, { message: 'Enter your password.' })
    .max(256, { message: 'Passwords are at most 256 characters.' }),
  /** The second factor, asked for only when the password was right and the admin has it on. */
  code: SecondFactorCode.optional(),
});
export type SignInInput = z.infer<typeof SignInInput>;

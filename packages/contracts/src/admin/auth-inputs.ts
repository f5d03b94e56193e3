import { z } from '../zod.js';

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
});
export type SignInInput = z.infer<typeof SignInInput>;

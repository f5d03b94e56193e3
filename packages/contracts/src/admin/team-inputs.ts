import { z } from '../zod.js';
import { ADMIN_ROLES } from './roles.js';

/** The shortest password an admin may choose (the API's `cli create-admin` asks the same). */
export const MIN_ADMIN_PASSWORD_LENGTH = 12;

const email = z
  .string()
  .trim()
  .max(254, { message: 'This email address is too long.' })
  .pipe(z.email({ message: 'Enter an email address, like name@example.com.' }));
const role = z.enum(ADMIN_ROLES, { message: 'Choose a role: Owner, Manager or Front desk.' });
const adminId = z.uuid({ message: 'Choose an admin from the list.' });
/** A link's token: 43 base64url characters, as the API makes them. */
const token = z.string().regex(/^[A-Za-z0-9_-]{43}$/, {
  message: 'This link is not complete: open it from the e-mail again.',
});

export const InviteAdminInput = z.object({ email, role });
export type InviteAdminInput = z.infer<typeof InviteAdminInput>;

export const ChangeAdminRoleInput = z.object({ adminId, role });
export type ChangeAdminRoleInput = z.infer<typeof ChangeAdminRoleInput>;

export const AdminIdInput = z.object({ adminId });
export type AdminIdInput = z.infer<typeof AdminIdInput>;

export const InvitationIdInput = z.object({
  invitationId: z.uuid({ message: 'Choose an invitation from the list.' }),
});
export type InvitationIdInput = z.infer<typeof InvitationIdInput>;

export const LinkTokenInput = z.object({ token });
export type LinkTokenInput = z.infer<typeof LinkTokenInput>;

export const NewPassword = z
  .string()
  .min(MIN_ADMIN_PASSWORD_LENGTH, {
    message: `Choose a password of at least ${MIN_ADMIN_PASSWORD_LENGTH} characters.`,
  })
  .max(256, { message: 'Passwords are at most 256 characters.' });

export const AcceptInvitationInput = z.object({
  token,
  name: z
    .string()
    .trim()
    .min(1, { message: 'Enter your name, as the rest of the team will see it.' })
    .max(120, { message: 'Keep the name under 120 characters.' }),
  password: NewPassword,
});
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>;

export const ResetPasswordInput = z.object({ token, password: NewPassword });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

export const RequestPasswordResetInput = z.object({ email });
export type RequestPasswordResetInput = z.infer<typeof RequestPasswordResetInput>;

/** One of the admin's own sessions, by the id the list gave (the token's hash). */
export const EndSessionInput = z.object({
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'Choose a device from the list.' }),
});
export type EndSessionInput = z.infer<typeof EndSessionInput>;

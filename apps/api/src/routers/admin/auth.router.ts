import {
  AcceptInvitationInput,
  LinkTokenInput,
  ReconfirmInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
  SignInInput,
} from '@clinicpay/contracts';
import type { Context } from '../../context.js';
import {
  clearedSessionCookie,
  readCookie,
  sessionCookie,
  sessionCookieName,
} from '../../security/session-cookie.js';
import { reconfirm } from '../../services/auth/reconfirm.service.js';
import { currentAdmin, signIn, signOut } from '../../services/auth/sign-in.service.js';
import { requestPasswordReset, resetPassword } from '../../services/team/password-reset.service.js';
import { acceptInvitation, invitationDetails } from '../../services/team/team.service.js';
import { router, signedInProcedure, unforgedPublicProcedure } from '../../trpc.js';

const sessionTokenOf = (ctx: Context) =>
  readCookie(ctx.request.cookie, sessionCookieName(ctx.config.security));

/** Signs in and writes the session cookie, here at the HTTP edge (the service opens sessions). */
async function signInWithCookie(ctx: Context, credentials: { email: string; password: string }) {
  const { token, view } = await signIn(ctx, {
    ...credentials,
    ip: ctx.request.ip ?? 'unknown',
    previousToken: sessionTokenOf(ctx),
    userAgent: ctx.request.userAgent,
  });
  const maxAgeSeconds = (Date.parse(view.expiresAt) - ctx.clock.now().getTime()) / 1000;
  ctx.request.setHeader('set-cookie', sessionCookie(ctx.config.security, token, maxAgeSeconds));
  return view;
}

/**
 * The admin procedures callable without a session: signing in and out, accepting an invitation
 * and resetting a password (each with a single-use link's token).
 */
export const authRouter = router({
  signIn: unforgedPublicProcedure
    .input(SignInInput)
    .mutation(({ ctx, input }) => signInWithCookie(ctx, input)),
  signOut: unforgedPublicProcedure.mutation(async ({ ctx }) => {
    const result = await signOut(ctx, sessionTokenOf(ctx));
    ctx.request.setHeader('set-cookie', clearedSessionCookie(ctx.config.security));
    return result;
  }),
  /** The invitation page: whose invitation it is and with which role, before accepting. */
  invitation: unforgedPublicProcedure
    .input(LinkTokenInput)
    .query(({ ctx, input }) => invitationDetails(ctx, input.token)),
  /** Accepts an invitation (name and password) and signs the new admin in. */
  acceptInvitation: unforgedPublicProcedure
    .input(AcceptInvitationInput)
    .mutation(async ({ ctx, input }) => {
      const { email } = await acceptInvitation(ctx, input);
      return signInWithCookie(ctx, { email, password: input.password });
    }),
  requestPasswordReset: unforgedPublicProcedure
    .input(RequestPasswordResetInput)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx, input.email)),
  /** A new password through a reset link; every session of that admin ends, this one begins. */
  resetPassword: unforgedPublicProcedure
    .input(ResetPasswordInput)
    .mutation(async ({ ctx, input }) => {
      const { email } = await resetPassword(ctx, input);
      return signInWithCookie(ctx, { email, password: input.password });
    }),
  /** Who is signed in; UNAUTHORIZED tells the SPA to show the sign-in form. */
  me: signedInProcedure.query(({ ctx }) => currentAdmin(ctx)),
  /** The password (or a code) again, for the risky actions of the next minutes (reconfirmation.ts). */
  reconfirm: signedInProcedure
    .input(ReconfirmInput)
    .mutation(({ ctx, input }) => reconfirm(ctx, input)),
});

import { SignInInput } from '@clinicpay/contracts';
import type { Context } from '../../context.js';
import {
  clearedSessionCookie,
  readCookie,
  sessionCookie,
  sessionCookieName,
} from '../../security/session-cookie.js';
import { currentAdmin, signIn, signOut } from '../../services/auth/sign-in.service.js';
import { router, signedInProcedure, unforgedPublicProcedure } from '../../trpc.js';

const sessionTokenOf = (ctx: Context) =>
  readCookie(ctx.request.cookie, sessionCookieName(ctx.config.security));

/**
 * Sign-in and sign-out are the only admin procedures callable without a session. The session
 * cookie is written here, at the HTTP edge; the service only opens and closes sessions.
 */
export const authRouter = router({
  signIn: unforgedPublicProcedure.input(SignInInput).mutation(async ({ ctx, input }) => {
    const { token, view } = await signIn(ctx, {
      ...input,
      ip: ctx.request.ip ?? 'unknown',
      previousToken: sessionTokenOf(ctx),
    });
    const maxAgeSeconds = (Date.parse(view.expiresAt) - ctx.clock.now().getTime()) / 1000;
    ctx.request.setHeader('set-cookie', sessionCookie(ctx.config.security, token, maxAgeSeconds));
    return view;
  }),
  signOut: unforgedPublicProcedure.mutation(async ({ ctx }) => {
    const result = await signOut(ctx, sessionTokenOf(ctx));
    ctx.request.setHeader('set-cookie', clearedSessionCookie(ctx.config.security));
    return result;
  }),
  /** Who is signed in; UNAUTHORIZED tells the SPA to show the sign-in form. */
  me: signedInProcedure.query(({ ctx }) => currentAdmin(ctx, ctx.admin)),
});

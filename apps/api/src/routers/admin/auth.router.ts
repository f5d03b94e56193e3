import { SignInInput } from '@clinicpay/contracts';
import { currentAdmin, signIn, signOut } from '../../services/auth/sign-in.service.js';
import { adminProcedure, router, unforgedPublicProcedure } from '../../trpc.js';

/** Sign-in and sign-out are the only admin procedures callable without a session. */
export const authRouter = router({
  signIn: unforgedPublicProcedure
    .input(SignInInput)
    .mutation(({ ctx, input }) => signIn(ctx, input)),
  signOut: unforgedPublicProcedure.mutation(({ ctx }) => signOut(ctx)),
  /** Who is signed in; UNAUTHORIZED tells the SPA to show the sign-in form. */
  me: adminProcedure.query(({ ctx }) => currentAdmin(ctx)),
});

import { EndSessionInput } from '@clinicpay/contracts';
import { endMySession, listMySessions } from '../../services/auth/sessions.service.js';
import { router, signedInProcedure } from '../../trpc.js';

/** Each admin's own signed-in devices, whatever their role. */
export const sessionsRouter = router({
  list: signedInProcedure.query(({ ctx }) => listMySessions(ctx)),
  end: signedInProcedure
    .input(EndSessionInput)
    .mutation(({ ctx, input }) => endMySession(ctx, input.sessionId)),
});

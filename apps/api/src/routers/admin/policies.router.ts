import { SavePolicyInput } from '@clinicpay/contracts';
import { getPolicies, savePolicy } from '../../services/policies/policies.service.js';
import { adminProcedure, router } from '../../trpc.js';

/** The clinic's cancellation and reschedule policy, and each service's override. */
export const policiesRouter = router({
  get: adminProcedure('clinic.view').query(({ ctx }) => getPolicies(ctx)),
  save: adminProcedure('clinic.manage')
    .input(SavePolicyInput)
    .mutation(({ ctx, input }) => savePolicy(ctx, input)),
});

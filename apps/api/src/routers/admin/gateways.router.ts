import { SaveStripeSettingsInput, SetGatewayEnabledInput } from '@clinicpay/contracts';
import { listGateways, setGateway } from '../../services/admin/gateways.service.js';
import { readStripeSettingsForAdmin } from '../../services/admin/stripe-settings-read.service.js';
import { saveStripeSettings } from '../../services/admin/stripe-settings-save.service.js';
import { adminProcedure, router } from '../../trpc.js';

export const gatewaysRouter = router({
  list: adminProcedure.query(({ ctx }) => listGateways(ctx)),
  setEnabled: adminProcedure
    .input(SetGatewayEnabledInput)
    .mutation(({ ctx, input }) => setGateway(ctx, input)),
});

/** Stripe's settings page: read (secrets masked) and save (checked, then encrypted). */
export const stripeSettingsRouter = router({
  get: adminProcedure.query(({ ctx }) => readStripeSettingsForAdmin(ctx)),
  save: adminProcedure
    .input(SaveStripeSettingsInput)
    .mutation(({ ctx, input }) => saveStripeSettings(ctx, input)),
});

import { SaveStripeSettingsInput, SetGatewayEnabledInput } from '@clinicpay/contracts';
import { listGateways, setGateway } from '../../services/gateways/gateways.service.js';
import { readStripeSettingsForAdmin } from '../../services/gateways/stripe-settings-read.service.js';
import { saveStripeSettings } from '../../services/gateways/stripe-settings-save.service.js';
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

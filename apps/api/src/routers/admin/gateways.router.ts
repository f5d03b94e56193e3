import { SaveStripeSettingsInput, SetGatewayEnabledInput } from '@clinicpay/contracts';
import { startCheckoutTest } from '../../services/gateways/checkout-test.service.js';
import { listGateways, setGateway } from '../../services/gateways/gateways.service.js';
import { readStripeSettingsForAdmin } from '../../services/gateways/stripe-settings-read.service.js';
import { saveStripeSettings } from '../../services/gateways/stripe-settings-save.service.js';
import { adminProcedure, confirmedProcedure, router } from '../../trpc.js';

export const gatewaysRouter = router({
  list: adminProcedure('payments.manage').query(({ ctx }) => listGateways(ctx)),
  setEnabled: adminProcedure('payments.manage')
    .input(SetGatewayEnabledInput)
    .mutation(({ ctx, input }) => setGateway(ctx, input)),
});

/**
 * Stripe's settings page: read (secrets masked), save (checked, then encrypted), and open a
 * throwaway Sandbox checkout with the saved keys.
 */
export const stripeSettingsRouter = router({
  get: adminProcedure('payments.manage').query(({ ctx }) => readStripeSettingsForAdmin(ctx)),
  save: confirmedProcedure('stripe.keys')
    .input(SaveStripeSettingsInput)
    .mutation(({ ctx, input }) => saveStripeSettings(ctx, input)),
  testCheckout: adminProcedure('payments.manage').mutation(({ ctx }) => startCheckoutTest(ctx)),
});

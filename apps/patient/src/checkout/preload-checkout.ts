import type { PaymentMethods } from '../trpc.js';

// Called on the payment step while the patient reads the summary: the checkout's code and
// Stripe.js download before Confirm, so the card form appears soon after it.
export const loadCheckoutModule = () => import('./checkout-step.js');

export function preloadCheckout(stripe: NonNullable<PaymentMethods['stripe']>): void {
  loadCheckoutModule()
    .then((module) => module.preloadStripe(stripe.stripeJsUrl, stripe.publishableKey))
    .catch(() => undefined);
}

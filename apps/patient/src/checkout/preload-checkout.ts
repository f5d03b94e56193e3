import { preloadable } from '../components/preloadable.js';
import type { PaymentMethods } from '../trpc.js';

/** The card form's component; its chunk carries react-stripe-js. */
export const CheckoutStep = preloadable(() =>
  import('./checkout-step.js').then((m) => m.CheckoutStep),
);

// Called on the payment step while the patient reads the summary: the checkout's code and
// Stripe.js download before Confirm, so the card form appears soon after it.
export function preloadCheckout(stripe: NonNullable<PaymentMethods['stripe']>): void {
  CheckoutStep.preload()
    .then(() => import('./checkout-step.js'))
    .then((module) => module.preloadStripe(stripe.stripeJsUrl, stripe.publishableKey))
    .catch(() => undefined);
}

/**
 * Stripe-shaped objects, events and webhook signatures for tests and benchmarks, built by the
 * emulator's own builders so every suite feeds the product what the emulator (and Stripe) send.
 */
export { stripeCharge } from './charge';
export { stripeCheckoutSession } from './checkout-session';
export { checkoutSessionParams } from './checkout-session-params';
export { stripeDispute } from './dispute';
export { stripeEvent, type StripeEventOptions } from './event';
export {
  stripeDeclinedPaymentIntent,
  stripePaymentIntent,
  stripeSucceededPaymentIntent,
} from './payment-intent';
export { stripeRefund } from './refund';
export type { EventOf, EventType, ObjectOf } from '../objects/event';
export type { CardFailure } from '../objects/payment-intent';
export { computeSignature, signWebhookPayload } from '../webhooks/signer';

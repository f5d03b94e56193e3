/**
 * Every Stripe event type Clinicpay acts on (docs/architecture.md, "Stripe events and their
 * effects"). The admin's setup guide lists all of them for the Stripe Dashboard, not only
 * KiviCare's four.
 */
export const HANDLED_STRIPE_EVENTS = [
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'charge.refunded',
  'refund.created',
  'refund.updated',
  'refund.failed',
  'charge.dispute.created',
  'charge.dispute.updated',
  'charge.dispute.closed',
] as const;

export type HandledStripeEventType = (typeof HANDLED_STRIPE_EVENTS)[number];

export function isHandledStripeEvent(type: string): type is HandledStripeEventType {
  return (HANDLED_STRIPE_EVENTS as readonly string[]).includes(type);
}

/**
 * The rights Clinicpay's calls need, each with a call that proves it without changing anything:
 * it names an object that does not exist, so Stripe answers 404 (`resource_missing`) when the key
 * may make the call, and 403 when a restricted key lacks the permission (Stripe checks the
 * permission before it looks the object up).
 */
import type Stripe from 'stripe';

export interface KeyRight {
  /** As Stripe's Dashboard names it when editing a restricted key. */
  label: string;
  /** Stripe's name for the permission, as its 403 quotes it. */
  permission: string;
  /** A call needing exactly this right and changing nothing. */
  probe(client: Stripe): Promise<unknown>;
}

// Ids of the right shape that Stripe has never issued.
const NO_SUCH_SESSION = 'cs_test_clinicpayKeyCheckNoSuchSession000000000000';
const NO_SUCH_INTENT = 'pi_clinicpayKeyCheckNoSuchIntent0';

export const KEY_RIGHTS: readonly KeyRight[] = [
  {
    // Opening and closing checkouts (write includes read).
    label: 'Checkout Sessions: Write',
    permission: 'rak_checkout_session_write',
    probe: (client) => client.checkout.sessions.expire(NO_SUCH_SESSION),
  },
  {
    // Reading a session with its payment intent expanded (the status page, reconciliation).
    label: 'PaymentIntents: Read',
    permission: 'rak_payment_intent_read',
    probe: (client) => client.paymentIntents.list({ limit: 1 }),
  },
  {
    label: 'Refunds: Write',
    permission: 'rak_refund_write',
    probe: (client) => client.refunds.create({ payment_intent: NO_SUCH_INTENT }),
  },
  {
    // Thin webhook events name an event that is then read.
    label: 'Events: Read',
    permission: 'rak_event_read',
    probe: (client) => client.events.list({ limit: 1 }),
  },
];

/**
 * The step every way of paying ends a session with, whether the money has arrived (a card) or is
 * still on its way (a bank debit): the session is complete, shows who paid, and is announced.
 */
import type Stripe from 'stripe';
import { emitEvent } from '../events';
import type { Mode } from '../keys';
import type { EmulatorState } from '../state';
import type { Billing } from './charge-card';

export function completeSession(
  state: EmulatorState,
  mode: Mode,
  session: Stripe.Checkout.Session,
  paymentStatus: 'paid' | 'unpaid',
  billing: Billing,
  presentment?: Stripe.Checkout.Session.PresentmentDetails,
): void {
  Object.assign(session, {
    status: 'complete',
    payment_status: paymentStatus,
    customer_details: {
      address: null,
      business_name: null,
      email: billing.email,
      individual_name: null,
      name: billing.name,
      phone: null,
      tax_exempt: 'none',
      tax_ids: [],
    },
  } satisfies Partial<Stripe.Checkout.Session>);
  // What the payer saw in their own currency, when Adaptive Pricing converted it.
  if (presentment) session.presentment_details = { ...presentment };
  state.store(mode).openSessions.delete(session.id);
  emitEvent(state, mode, 'checkout.session.completed', session);
}

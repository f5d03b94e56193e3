/**
 * What the embedded checkout page (and the Stripe.js stand-in) may know of a session: enough to
 * draw the page and to finish it, nothing the merchant keeps to itself (metadata, ids of others).
 */
import { formatMoney } from '@clinicpay/contracts';
import type Stripe from 'stripe';
import { delayedMethodOf, type DelayedMethod } from '../payments/payment-methods';
import type { EmulatorState, SessionRecord } from '../state';

export interface CheckoutView {
  id: string;
  status: 'open' | 'complete' | 'expired';
  /** A complete session is `unpaid` while a bank payment is processing. */
  paymentStatus: Stripe.Checkout.Session.PaymentStatus;
  livemode: boolean;
  businessName: string;
  amountTotal: number;
  currency: string;
  /** The total as the payer reads it, e.g. "$50.00" or "¥5,000". */
  amountFormatted: string;
  lineItems: { name: string; quantity: number; amountFormatted: string }[];
  customerEmail: string | null;
  redirectOnCompletion: Stripe.Checkout.Session.RedirectOnCompletion;
  /** `return_url` with `{CHECKOUT_SESSION_ID}` replaced, as Stripe does before redirecting. */
  returnUrl: string | null;
  /** A 3D Secure step is waiting: the page shows it instead of the card form. */
  awaitingAuthentication: boolean;
  /** The bank debit offered beside cards (a second option on the page), if any. */
  delayedMethod: { type: DelayedMethod; label: string } | null;
}

const DELAYED_LABELS: Record<DelayedMethod, string> = {
  us_bank_account: 'US bank account',
  sepa_debit: 'SEPA Direct Debit',
};

/** `Intl` throws on a malformed locale; the payer's browser may send anything. */
function format(amount: number, currency: string, locale: string | undefined): string {
  try {
    return formatMoney({ amount, currency }, locale);
  } catch {
    return formatMoney({ amount, currency }, 'en-US');
  }
}

const statusOf = ({ status }: Stripe.Checkout.Session): CheckoutView['status'] =>
  status === 'complete' ? 'complete' : status === 'expired' ? 'expired' : 'open';

function localeFor(session: Stripe.Checkout.Session, browserLocale: string | undefined) {
  const chosen = session.locale && session.locale !== 'auto' ? session.locale : browserLocale;
  return chosen && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(chosen) ? chosen : 'en-US';
}

export function checkoutView(
  state: EmulatorState,
  record: SessionRecord,
  businessName: string,
  browserLocale?: string,
): CheckoutView {
  const { session } = record;
  const currency = session.currency ?? 'usd';
  const locale = localeFor(session, browserLocale);
  const piId = typeof session.payment_intent === 'string' ? session.payment_intent : null;
  const store = state.store(session.livemode ? 'live' : 'test');
  const delayed = delayedMethodOf(session.payment_method_types);
  return {
    id: session.id,
    status: statusOf(session),
    paymentStatus: session.payment_status,
    livemode: session.livemode,
    businessName,
    amountTotal: session.amount_total ?? 0,
    currency,
    amountFormatted: format(session.amount_total ?? 0, currency, locale),
    lineItems: record.lineItems.map((item) => ({
      name: item.description ?? '',
      quantity: item.quantity ?? 1,
      amountFormatted: format(item.amount_total, item.currency, locale),
    })),
    customerEmail: session.customer_email,
    redirectOnCompletion: session.redirect_on_completion ?? 'always',
    returnUrl: session.return_url
      ? session.return_url.split('{CHECKOUT_SESSION_ID}').join(session.id)
      : null,
    awaitingAuthentication: piId !== null && store.pendingAuthentications.has(piId),
    delayedMethod: delayed ? { type: delayed, label: DELAYED_LABELS[delayed] } : null,
  };
}

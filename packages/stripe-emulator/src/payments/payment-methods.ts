/**
 * Which payment methods a session offers. Without instructions Stripe offers what the Dashboard
 * turns on (dynamic payment methods), which the emulator takes to be cards plus the bank debit of
 * the currency. Since the API versions of stripe-node 23, the create call narrows that set with
 * `allowed_payment_method_types` (a filter, echoed on the session); the older static
 * `payment_method_types` list is still taken as it is, for callers that send it raw. Bank debits are "delayed": the session completes unpaid, and
 * the money arrives (or not) days later (`checkout.session.async_payment_*`).
 */
import { invalidParam } from '../errors';

/** The delayed method the emulator models per currency (each works in one currency only). */
const DELAYED_BY_CURRENCY: Readonly<Record<string, DelayedMethod>> = {
  usd: 'us_bank_account',
  eur: 'sepa_debit',
};

export type DelayedMethod = 'us_bank_account' | 'sepa_debit';

const DELAYED_METHODS: readonly string[] = Object.values(DELAYED_BY_CURRENCY);

export const isDelayedMethod = (type: string): type is DelayedMethod =>
  DELAYED_METHODS.includes(type);

/** The Dashboard's set when the create call names none: cards, and the currency's bank debit. */
export function defaultPaymentMethodTypes(currency: string): string[] {
  const delayed = DELAYED_BY_CURRENCY[currency.toLowerCase()];
  return delayed ? ['card', delayed] : ['card'];
}

/** Checks sent `payment_method_types`: known to the emulator, and usable in the currency. */
export function checkPaymentMethodTypes(types: readonly string[], currency: string): void {
  for (const [i, type] of types.entries()) {
    const param = `payment_method_types[${i}]`;
    if (type !== 'card' && !isDelayedMethod(type)) {
      throw invalidParam(
        `The Stripe emulator supports card, us_bank_account and sepa_debit, not ${type}.`,
        param,
      );
    }
    if (isDelayedMethod(type) && DELAYED_BY_CURRENCY[currency] !== type) {
      throw invalidParam(
        `The payment method type ${type} cannot be used with currency ${currency}.`,
        param,
      );
    }
  }
}

/** What a new session offers, from what the create call sent; see the file comment. */
export function offeredPaymentMethodTypes(
  sent: { payment_method_types?: string[]; allowed_payment_method_types?: string[] },
  currency: string,
): string[] {
  if (sent.payment_method_types) {
    checkPaymentMethodTypes(sent.payment_method_types, currency);
    return [...sent.payment_method_types];
  }
  const dynamic = defaultPaymentMethodTypes(currency);
  const allowed = sent.allowed_payment_method_types;
  if (!allowed) return dynamic;
  const offered = dynamic.filter((type) => allowed.includes(type));
  if (offered.length === 0) {
    throw invalidParam(
      `None of the allowed_payment_method_types can take a ${currency.toUpperCase()} payment here; ` +
        `the emulator offers ${dynamic.join(' and ')}.`,
      'allowed_payment_method_types',
    );
  }
  return offered;
}

/** The delayed method a session offers, if any. */
export function delayedMethodOf(paymentMethodTypes: readonly string[]): DelayedMethod | null {
  return paymentMethodTypes.find(isDelayedMethod) ?? null;
}

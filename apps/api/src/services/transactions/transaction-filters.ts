import type { TransactionFilters } from '@clinicpay/contracts';
import type { TransactionFilter, TransactionSearch } from '@clinicpay/db';

/** The list's input as the query's filter: dates parsed, the search text classified. */
export function toTransactionFilter(input: TransactionFilters): TransactionFilter {
  return {
    statuses: input.status,
    gateway: input.gateway,
    mode: input.mode,
    from: input.from ? new Date(input.from) : undefined,
    to: input.to ? new Date(input.to) : undefined,
    amountMin: input.amountMin,
    amountMax: input.amountMax,
    search: input.search ? classifySearch(input.search) : undefined,
    dispute: input.dispute,
  };
}

const STRIPE_COLUMNS = {
  pi: 'payment_intent_id',
  cs: 'checkout_session_id',
  ch: 'charge_id',
  py: 'charge_id',
} as const;

/**
 * What the admin typed: a Stripe id is matched exactly on its column, a booking reference
 * (`CP-7K2M9QXD`) and a whole email address exactly (all indexed), anything else as part of a
 * patient's name or email (a scan: fine with other filters, slow alone at a million payments).
 */
export function classifySearch(text: string): TransactionSearch {
  const value = text.trim();
  const stripe = /^(pi|cs|ch|py|re)_(test_|live_)?[A-Za-z0-9_]+$/.exec(value);
  if (stripe) {
    const prefix = stripe[1] as keyof typeof STRIPE_COLUMNS | 're';
    return prefix === 're'
      ? { kind: 'refund_id', value }
      : { kind: 'stripe_id', column: STRIPE_COLUMNS[prefix], value };
  }
  if (/^[A-Za-z]{1,4}-[A-Za-z0-9]{4,28}$/.test(value))
    return { kind: 'reference', value: value.toUpperCase() };
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return { kind: 'email', value };
  return { kind: 'text', value };
}

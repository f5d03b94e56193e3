import type { Service } from './trpc.js';

// Stopgap until `formatMoney` from @clinicpay/contracts lands: that module owns each currency's
// minor-unit exponent (Stripe's table); here Intl's own fraction digits stand in for it.
export function formatPrice({ amount, currency }: Service['price'], locale?: string): string {
  if (amount === 0) return 'Free';
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const exponent = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** exponent);
}

import { formatMoney, type Money } from '@clinicpay/contracts';
import { LOCALE } from './locale.js';

/** "$30.00", "¥6,000", "NZ$45.00": contracts' formatter in the messages' locale. */
export function money(value: Money): string {
  return formatMoney(value, LOCALE);
}

import { formatMoney } from '@clinicpay/contracts';
import type { Service } from './trpc.js';

/** A service's price as patients read it: contracts formats the money; a price of 0 reads "Free". */
export function formatPrice(price: Service['price']): string {
  return price.amount === 0 ? 'Free' : formatMoney(price);
}

import { supportedCurrencyCodes } from '@clinicpay/contracts';
import type { ComboBoxOption } from '@clinicpay/ui';

let options: ComboBoxOption[] | null = null;

/** Stripe's currencies as "USD · US Dollar", built once (Intl knows the names). */
export function currencyOptions(): ComboBoxOption[] {
  if (options) return options;
  const names = new Intl.DisplayNames(['en'], { type: 'currency' });
  options = supportedCurrencyCodes().map((code) => {
    const upper = code.toUpperCase();
    return { id: upper, label: `${upper} · ${names.of(upper) ?? upper}` };
  });
  return options;
}

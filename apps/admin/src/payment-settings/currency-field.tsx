import { STRIPE_SETTINGS_LABELS } from '@clinicpay/contracts';
import { FormComboBox } from '../components/form-fields.js';
import { currencyOptions } from '../format/currency-options.js';
import type { StripeFormControl } from './stripe-form-values.js';

/** "Currency": a searchable list of the currencies Stripe charges in (type a code or a name). */
export function CurrencyField({ control }: { control: StripeFormControl }) {
  return (
    <FormComboBox
      control={control}
      name="currency"
      label={STRIPE_SETTINGS_LABELS.currency}
      description="What Stripe charges patients in. Every paid service must be priced in it."
      options={currencyOptions()}
    />
  );
}

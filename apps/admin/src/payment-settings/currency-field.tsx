import { STRIPE_SETTINGS_LABELS } from '@clinicpay/contracts';
import { ComboBox } from '@clinicpay/ui';
import { currencyOptions } from '../format/currency-options.js';
import { useController } from 'react-hook-form';
import type { StripeFormControl } from './stripe-form-values.js';

/** "Currency": a searchable list of the currencies Stripe charges in (type a code or a name). */
export function CurrencyField({ control }: { control: StripeFormControl }) {
  const {
    field: { value, onChange, ...field },
    fieldState,
  } = useController({ control, name: 'currency' });
  return (
    <ComboBox
      label={STRIPE_SETTINGS_LABELS.currency}
      description="What Stripe charges patients in. Every paid service must be priced in it."
      options={currencyOptions()}
      {...field}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      errorMessage={fieldState.error?.message}
    />
  );
}

import { STRIPE_SETTINGS_LABELS, type StripeMode } from '@clinicpay/contracts';
import { TextField } from '@clinicpay/ui';
import { useController } from 'react-hook-form';
import type { StripeFormControl } from './stripe-form-values.js';

/** "Publishable Key": public (every patient's browser gets it), so the saved one is shown in full. */
export function PublishableKeyField({
  control,
  mode,
}: {
  control: StripeFormControl;
  mode: StripeMode;
}) {
  const { field, fieldState } = useController({ control, name: `keys.${mode}.publishableKey` });
  return (
    <TextField
      label={STRIPE_SETTINGS_LABELS.publishableKey}
      description={`From the same page: it starts with pk_${mode}_.`}
      autoComplete="off"
      spellCheck="false"
      {...field}
      errorMessage={fieldState.error?.message}
    />
  );
}

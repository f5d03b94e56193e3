import { STRIPE_MODE_LABELS, type StripeMode } from '@clinicpay/contracts';
import { TextField } from '@clinicpay/ui';
import { useController } from 'react-hook-form';
import type { KeyField, StripeFormControl } from './stripe-form-values.js';

export interface SecretFieldProps {
  control: StripeFormControl;
  mode: StripeMode;
  field: Exclude<KeyField, 'publishableKey'>;
  label: string;
  /** The saved value, masked by the API (`sk_test_…4242`), or null when none is saved. */
  saved: string | null;
  /** What to paste when nothing is saved: where to find it and how it starts. */
  hint: string;
}

/**
 * A write-only credential: the page never holds the saved value, only its masked form, and the
 * input starts blank. Blank keeps what is saved; a pasted value replaces it on Save.
 */
export function SecretField({ control, mode, field, label, saved, hint }: SecretFieldProps) {
  const { field: input, fieldState } = useController({ control, name: `keys.${mode}.${field}` });
  const description = saved ? (
    <>
      Saved for {STRIPE_MODE_LABELS[mode]}:{' '}
      <code className="font-mono text-slate-800">{saved}</code>. Leave blank to keep it; paste a new
      one to replace it.
    </>
  ) : (
    hint
  );
  return (
    <TextField
      label={label}
      description={description}
      type="password"
      autoComplete="off"
      spellCheck="false"
      placeholder={saved ? 'Leave blank to keep the saved one' : undefined}
      {...input}
      errorMessage={fieldState.error?.message}
    />
  );
}

import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import {
  FieldError,
  Input,
  Label,
  Text,
  TextField as AriaTextField,
} from 'react-aria-components';
import { cx } from './cx.js';

export interface TextFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'children'> {
  label: ReactNode;
  /** A hint under the label, e.g. "We send the confirmation here". */
  description?: ReactNode;
  /** The sentence to show under the field; the field is marked invalid while it is set. */
  errorMessage?: string | undefined;
  ref?: Ref<HTMLInputElement>;
  className?: string;
}

/**
 * A labelled text input with its hint and error wired to it (aria-describedby, aria-invalid) by
 * React Aria. The input's own props pass through, so a form library's `register()` fits as is.
 * Validation is the form's job: `validationBehavior="aria"` keeps the browser's bubbles out.
 */
export function TextField({
  label,
  description,
  errorMessage,
  className,
  ref,
  name,
  ...inputProps
}: TextFieldProps) {
  return (
    <AriaTextField
      name={name}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      className={cx('grid gap-1.5', className)}
    >
      <Label className="text-sm font-semibold text-slate-900">{label}</Label>
      {description ? (
        <Text slot="description" className="text-sm text-slate-600">
          {description}
        </Text>
      ) : null}
      <Input
        {...inputProps}
        ref={ref}
        className={cx(
          'min-h-11 rounded-lg border bg-white px-3 text-base text-slate-900 outline-none placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600',
          errorMessage ? 'border-red-700' : 'border-slate-400',
        )}
      />
      <FieldError className="text-sm font-medium text-red-800">{errorMessage}</FieldError>
    </AriaTextField>
  );
}

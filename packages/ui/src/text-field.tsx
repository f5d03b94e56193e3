import type { ReactNode, Ref } from 'react';
import {
  FieldError,
  Input,
  Label,
  Text,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';
import { cx } from './cx.js';

export interface TextFieldProps extends Omit<
  AriaTextFieldProps,
  'children' | 'className' | 'isInvalid' | 'validationBehavior'
> {
  label: ReactNode;
  /** A hint under the label, e.g. "We send the confirmation here". */
  description?: ReactNode;
  /** The sentence to show under the field; the field is marked invalid while it is set. */
  errorMessage?: string | undefined;
  placeholder?: string;
  /** The input element, e.g. for a form library to focus the first invalid field. */
  ref?: Ref<HTMLInputElement>;
  className?: string;
}

/**
 * A labelled text input with its hint and error wired to it (aria-describedby, aria-invalid) by
 * React Aria. Controlled (`value` + `onChange(value)`): with react-hook-form, render it from a
 * Controller. Validation is the form's job: `validationBehavior="aria"` keeps browser bubbles out.
 */
export function TextField({
  label,
  description,
  errorMessage,
  placeholder,
  ref,
  className,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField
      {...props}
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
        ref={ref}
        placeholder={placeholder}
        className={cx(
          'min-h-11 rounded-lg border bg-white px-3 text-base text-slate-900 outline-none placeholder:text-slate-500 data-focus-visible:outline-2 data-focus-visible:outline-offset-2 data-focus-visible:outline-brand-600',
          errorMessage ? 'border-red-700' : 'border-slate-500',
        )}
      />
      <FieldError className="text-sm font-medium text-red-800">{errorMessage}</FieldError>
    </AriaTextField>
  );
}

import type { ReactNode, Ref } from 'react';
import {
  Input,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';
import { cx } from './cx.js';
import { FieldParts, fieldBorder, type LabelledFieldProps } from './field-parts.js';

type TextFieldFrameProps = Omit<
  AriaTextFieldProps,
  'children' | 'className' | 'isInvalid' | 'validationBehavior'
> &
  LabelledFieldProps & { className?: string };

export interface TextFieldProps extends TextFieldFrameProps {
  placeholder?: string;
  /** The input element, e.g. for a form library to focus the first invalid field. */
  ref?: Ref<HTMLInputElement>;
}

/**
 * React Aria's text field with its label, hint and error wired to the control it holds
 * (aria-describedby, aria-invalid). Validation is the form's job: `validationBehavior="aria"`
 * keeps browser bubbles out.
 */
export function TextFieldFrame({
  label,
  description,
  errorMessage,
  className,
  children,
  ...props
}: TextFieldFrameProps & { children: ReactNode }) {
  return (
    <AriaTextField
      {...props}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      className={cx('grid gap-1.5', className)}
    >
      <FieldParts label={label} description={description} errorMessage={errorMessage}>
        {children}
      </FieldParts>
    </AriaTextField>
  );
}

/**
 * A labelled text input with its hint and error. Controlled (`value` + `onChange(value)`): with
 * react-hook-form, render it from a Controller.
 */
export function TextField({ placeholder, ref, ...props }: TextFieldProps) {
  return (
    <TextFieldFrame {...props}>
      <Input
        ref={ref}
        placeholder={placeholder}
        className={cx(
          'min-h-11 rounded-lg border bg-white px-3 text-base text-slate-900 outline-none placeholder:text-slate-500 data-focus-visible:outline-2 data-focus-visible:outline-offset-2 data-focus-visible:outline-brand-600',
          fieldBorder(props.errorMessage),
        )}
      />
    </TextFieldFrame>
  );
}

import type { ReactNode, Ref } from 'react';
import {
  FieldError,
  Label,
  Text,
  TextArea as AriaTextArea,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';
import { cx } from './cx.js';

export interface TextAreaProps extends Omit<
  AriaTextFieldProps,
  'children' | 'className' | 'isInvalid' | 'validationBehavior'
> {
  label: ReactNode;
  description?: ReactNode;
  errorMessage?: string | undefined;
  rows?: number;
  ref?: Ref<HTMLTextAreaElement>;
  className?: string;
}

/** A labelled multi-line input (a reason, a note), wired like TextField. */
export function TextArea({
  label,
  description,
  errorMessage,
  rows = 3,
  ref,
  className,
  ...props
}: TextAreaProps) {
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
      <AriaTextArea
        ref={ref}
        rows={rows}
        className={cx(
          'rounded-lg border bg-white px-3 py-2 text-base text-slate-900 outline-none data-focus-visible:outline-2 data-focus-visible:outline-offset-2 data-focus-visible:outline-brand-600',
          errorMessage ? 'border-red-700' : 'border-slate-500',
        )}
      />
      <FieldError className="text-sm font-medium text-red-800">{errorMessage}</FieldError>
    </AriaTextField>
  );
}

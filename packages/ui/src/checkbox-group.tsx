import type { ReactNode } from 'react';
import {
  CheckboxGroup as AriaCheckboxGroup,
  FieldError,
  Label,
  Text,
  type CheckboxGroupProps as AriaCheckboxGroupProps,
} from 'react-aria-components';
import { cx } from './cx.js';

export interface CheckboxGroupProps extends Omit<AriaCheckboxGroupProps, 'children' | 'className'> {
  label: ReactNode;
  description?: ReactNode;
  errorMessage?: string | undefined;
  children: ReactNode;
  className?: string;
  /** Classes of the box around the checkboxes, e.g. a grid of columns. */
  listClassName?: string;
}

/** Several checkboxes under one label (a fieldset in effect): "which services", "which statuses". */
export function CheckboxGroup({
  label,
  description,
  errorMessage,
  children,
  className,
  listClassName,
  ...props
}: CheckboxGroupProps) {
  return (
    <AriaCheckboxGroup
      {...props}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      className={cx('grid gap-1', className)}
    >
      <Label className="text-sm font-semibold text-slate-900">{label}</Label>
      {description ? (
        <Text slot="description" className="text-sm text-slate-600">
          {description}
        </Text>
      ) : null}
      <div className={cx('grid', listClassName)}>{children}</div>
      <FieldError className="text-sm font-medium text-red-800">{errorMessage}</FieldError>
    </AriaCheckboxGroup>
  );
}

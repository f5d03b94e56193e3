import type { ReactNode } from 'react';
import {
  CheckboxGroup as AriaCheckboxGroup,
  type CheckboxGroupProps as AriaCheckboxGroupProps,
} from 'react-aria-components';
import { cx } from './cx.js';
import { FieldParts, type LabelledFieldProps } from './field-parts.js';

export interface CheckboxGroupProps
  extends Omit<AriaCheckboxGroupProps, 'children' | 'className'>, LabelledFieldProps {
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
      <FieldParts label={label} description={description} errorMessage={errorMessage}>
        <div className={cx('grid', listClassName)}>{children}</div>
      </FieldParts>
    </AriaCheckboxGroup>
  );
}

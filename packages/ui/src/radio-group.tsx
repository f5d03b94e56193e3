import type { ReactNode } from 'react';
import {
  Radio as AriaRadio,
  RadioGroup as AriaRadioGroup,
  type RadioGroupProps as AriaRadioGroupProps,
  type RadioProps as AriaRadioProps,
} from 'react-aria-components';
import { cx } from './cx.js';
import { FieldParts, type LabelledFieldProps } from './field-parts.js';

export interface RadioGroupProps
  extends Omit<AriaRadioGroupProps, 'children' | 'className'>, LabelledFieldProps {
  children: ReactNode;
  className?: string;
}

/** A labelled group of choices; arrow keys move between them, as in a native radio group. */
export function RadioGroup({
  label,
  description,
  errorMessage,
  children,
  className,
  ...props
}: RadioGroupProps) {
  return (
    <AriaRadioGroup
      {...props}
      isInvalid={Boolean(errorMessage) || props.isInvalid}
      validationBehavior="aria"
      className={cx('grid gap-2', className)}
    >
      <FieldParts label={label} description={description} errorMessage={errorMessage}>
        <div className="grid gap-2">{children}</div>
      </FieldParts>
    </AriaRadioGroup>
  );
}

export interface RadioProps extends Omit<AriaRadioProps, 'children' | 'className'> {
  children: ReactNode;
  /** A second line under the label. */
  description?: ReactNode;
}

/** One choice, drawn as a card with a round marker, so the whole card is the target. */
export function Radio({ children, description, ...props }: RadioProps) {
  return (
    <AriaRadio
      {...props}
      className={({ isSelected, isFocusVisible, isDisabled }) =>
        cx(
          'flex cursor-pointer items-start gap-3 rounded-xl border bg-white p-4 transition-colors',
          isSelected ? 'border-brand-700 ring-1 ring-brand-700' : 'border-slate-300',
          isFocusVisible && 'outline-2 outline-offset-2 outline-brand-600',
          isDisabled && 'cursor-not-allowed opacity-50',
        )
      }
    >
      {({ isSelected }) => (
        <>
          <span
            aria-hidden="true"
            className={cx(
              'mt-0.5 grid size-5 shrink-0 place-items-center rounded-full border-2',
              isSelected ? 'border-brand-700' : 'border-slate-500',
            )}
          >
            {isSelected ? <span className="size-2.5 rounded-full bg-brand-700" /> : null}
          </span>
          <span className="grid gap-0.5">
            <span className="font-semibold text-slate-900">{children}</span>
            {description ? <span className="text-sm text-slate-600">{description}</span> : null}
          </span>
        </>
      )}
    </AriaRadio>
  );
}

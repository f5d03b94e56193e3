import { useId, type ReactNode } from 'react';
import {
  Checkbox as AriaCheckbox,
  type CheckboxProps as AriaCheckboxProps,
} from 'react-aria-components';
import { cx } from './cx.js';

export interface CheckboxProps extends Omit<AriaCheckboxProps, 'children' | 'className'> {
  children: ReactNode;
  /** A second line under the label. */
  description?: ReactNode;
  className?: string;
}

/** A labelled checkbox; the label is the click target, Space toggles it. */
export function Checkbox({ children, description, className, ...props }: CheckboxProps) {
  const id = useId();
  // The label names the checkbox; the description only describes it (not part of its name).
  return (
    <AriaCheckbox
      aria-labelledby={`${id}-label`}
      aria-describedby={description ? `${id}-description` : undefined}
      {...props}
      className={cx(
        'group flex min-h-11 cursor-pointer items-start gap-3 py-2 text-sm text-slate-900 data-disabled:cursor-not-allowed data-disabled:opacity-50',
        className,
      )}
    >
      {({ isSelected, isFocusVisible, isInvalid }) => (
        <>
          <span
            aria-hidden="true"
            className={cx(
              'mt-0.5 grid size-5 shrink-0 place-items-center rounded border-2',
              isSelected ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-500 bg-white',
              isInvalid && 'border-red-700',
              isFocusVisible && 'outline-2 outline-offset-2 outline-brand-600',
            )}
          >
            {isSelected ? (
              <svg
                viewBox="0 0 16 16"
                className="size-3.5"
                fill="none"
                stroke="currentColor"
                strokeWidth="2.5"
              >
                <path d="M3 8.5l3.2 3L13 4.5" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
            ) : null}
          </span>
          <span className="grid gap-0.5">
            <span id={`${id}-label`} className="font-semibold">
              {children}
            </span>
            {description ? (
              <span id={`${id}-description`} className="text-slate-600">
                {description}
              </span>
            ) : null}
          </span>
        </>
      )}
    </AriaCheckbox>
  );
}

import { useId, type Ref } from 'react';
import { cx } from './cx.js';
import { fieldBorder, type LabelledFieldProps } from './field-parts.js';

export interface NativeDateFieldProps extends LabelledFieldProps {
  /** `date` (2026-12-01), `time` (09:30) or `datetime-local` (2026-12-01T09:30). */
  type: 'date' | 'time' | 'datetime-local';
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  name?: string;
  min?: string;
  max?: string;
  step?: number;
  ref?: Ref<HTMLInputElement>;
  className?: string;
}

/**
 * The browser's own date or time input, labelled with its hint and error wired up. Native inputs
 * give every platform its familiar picker and keyboard entry, and their value is a plain
 * wall-clock string that the app converts in the clinic's time zone.
 */
export function NativeDateField({
  label,
  type,
  value,
  onChange,
  onBlur,
  description,
  errorMessage,
  name,
  min,
  max,
  step,
  ref,
  className,
}: NativeDateFieldProps) {
  const id = useId();
  const describedBy = [
    description ? `${id}-description` : null,
    errorMessage ? `${id}-error` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={cx('grid gap-1.5', className)}>
      <label htmlFor={id} className="text-sm font-semibold text-slate-900">
        {label}
      </label>
      {description ? (
        <p id={`${id}-description`} className="text-sm text-slate-600">
          {description}
        </p>
      ) : null}
      <input
        ref={ref}
        id={id}
        type={type}
        name={name}
        value={value}
        min={min}
        max={max}
        step={step}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        aria-invalid={errorMessage ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={cx(
          'min-h-11 w-full rounded-lg border bg-white px-3 text-base text-slate-900',
          fieldBorder(errorMessage),
        )}
      />
      {errorMessage ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {errorMessage}
        </p>
      ) : null}
    </div>
  );
}

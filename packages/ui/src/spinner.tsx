import { ProgressBar } from 'react-aria-components';
import { cx } from './cx.js';

export interface SpinnerProps {
  /** Read out by screen readers; the spinner itself has no text. */
  label?: string;
  className?: string;
}

/** An indeterminate progress indicator for short waits (a button's action, a page switch). */
export function Spinner({ label = 'Loading', className }: SpinnerProps) {
  return (
    <ProgressBar
      isIndeterminate
      aria-label={label}
      className={cx('inline-flex text-brand-700', className)}
    >
      <svg viewBox="0 0 24 24" fill="none" className="size-5 animate-spin" aria-hidden="true">
        <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
        <path
          d="M21 12a9 9 0 0 0-9-9"
          stroke="currentColor"
          strokeWidth="3"
          strokeLinecap="round"
        />
      </svg>
    </ProgressBar>
  );
}

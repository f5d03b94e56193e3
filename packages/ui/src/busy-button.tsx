import type { ReactNode } from 'react';
import { Button, type ButtonVariant } from './button.js';

export interface BusyButtonProps {
  children: ReactNode;
  /** True while the action runs: presses are ignored and the label says so. */
  isBusy: boolean;
  busyLabel: string;
  onPress?: () => void;
  type?: 'button' | 'submit';
  variant?: ButtonVariant;
  className?: string;
}

/**
 * A button whose action may replace it (a saved form, a closed panel, another page). Not React
 * Aria's `isPending`: that announces the wait by pointing at the button's id, which may be gone by
 * the time it is read (axe: role-img-alt). The wait is announced in a status region instead.
 */
export function BusyButton({
  children,
  isBusy,
  busyLabel,
  onPress,
  type = 'button',
  variant,
  className,
}: BusyButtonProps) {
  return (
    <>
      <Button
        type={type}
        variant={variant}
        onPress={() => {
          if (!isBusy) onPress?.();
        }}
        className={[className, isBusy ? 'cursor-progress opacity-80' : '']
          .filter(Boolean)
          .join(' ')}
      >
        {isBusy ? (
          <svg viewBox="0 0 24 24" fill="none" className="size-4 animate-spin" aria-hidden="true">
            <circle
              cx="12"
              cy="12"
              r="9"
              stroke="currentColor"
              strokeOpacity="0.3"
              strokeWidth="3"
            />
            <path
              d="M21 12a9 9 0 0 0-9-9"
              stroke="currentColor"
              strokeWidth="3"
              strokeLinecap="round"
            />
          </svg>
        ) : null}
        {isBusy ? busyLabel : children}
      </Button>
      <span role="status" className="sr-only">
        {isBusy ? busyLabel : ''}
      </span>
    </>
  );
}

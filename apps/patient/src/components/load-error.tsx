import { buttonClass } from '@clinicpay/ui';
import type { ReactNode } from 'react';

export interface LoadErrorProps {
  title: ReactNode;
  children: ReactNode;
  onRetry: () => void;
  isRetrying: boolean;
}

/**
 * ErrorMessage's twin with a native retry button: the first step shows it, and the first step's
 * JS stays inside its budget without React Aria's press handling (see docs/patient-bundle.md).
 */
export function LoadError({ title, children, onRetry, isRetrying }: LoadErrorProps) {
  return (
    <div
      role="alert"
      className="rounded-xl border border-red-200 bg-red-50 p-4 text-red-900 sm:p-5"
    >
      <p className="font-semibold">{title}</p>
      <div className="mt-1 text-sm text-red-800">{children}</div>
      <button
        type="button"
        onClick={() => {
          if (!isRetrying) onRetry();
        }}
        aria-disabled={isRetrying || undefined}
        className={buttonClass('secondary', 'mt-4')}
      >
        {isRetrying ? 'Trying again…' : 'Try again'}
      </button>
    </div>
  );
}

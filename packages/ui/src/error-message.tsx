import type { ReactNode } from 'react';
import { Button } from './button.js';
import { Spinner } from './spinner.js';

export interface ErrorMessageProps {
  /** What went wrong, in a few words: "We couldn't load the services". */
  title: ReactNode;
  /** What to do about it, as a sentence: "Check your connection and try again." */
  children: ReactNode;
  /** Offers a "Try again" button when given. */
  onRetry?: () => void;
  /** True while the retry runs: the button waits instead of inviting a second press. */
  isRetrying?: boolean;
  retryLabel?: string;
}

/** An error people can act on: what happened, what to do, and a retry where one makes sense. */
export function ErrorMessage({
  title,
  children,
  onRetry,
  isRetrying = false,
  retryLabel = 'Try again',
}: ErrorMessageProps) {
  return (
    <div
      role="alert"
      className="rounded-xl border border-red-200 bg-red-50 p-4 text-red-900 sm:p-5"
    >
      <p className="font-semibold">{title}</p>
      <div className="mt-1 text-sm text-red-800">{children}</div>
      {onRetry ? (
        <Button variant="secondary" onPress={onRetry} isPending={isRetrying} className="mt-4">
          {isRetrying ? <Spinner label="Trying again" className="text-slate-600" /> : null}
          {retryLabel}
        </Button>
      ) : null}
    </div>
  );
}

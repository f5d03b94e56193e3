import type { ReactNode } from 'react';

// One look per kind, so a warning or a problem reads the same on every step and result page.
const TONES = {
  warning: 'rounded-xl border border-amber-300 bg-amber-50 p-4 font-medium text-amber-950',
  problem: 'rounded-xl border border-red-200 bg-red-50 p-4 text-sm font-medium text-red-900',
};

/**
 * A boxed sentence the patient must not miss: amber for something to know before going on (a
 * time taken, a booking cancelled), red for what went wrong. An alert unless it is a status.
 */
export function Note({
  tone,
  role = 'alert',
  children,
}: {
  tone: keyof typeof TONES;
  role?: 'alert' | 'status';
  children: ReactNode;
}) {
  return (
    <p role={role} className={TONES[tone]}>
      {children}
    </p>
  );
}

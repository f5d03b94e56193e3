import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: ReactNode;
  /** What this means for the reader and what they can do next. */
  children?: ReactNode;
}

/** Shown instead of an empty list, so "nothing here" never looks like "still loading" or "broken". */
export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="font-semibold text-slate-900">{title}</p>
      {children ? (
        <div className="mx-auto mt-1 max-w-md text-sm text-slate-600">{children}</div>
      ) : null}
    </div>
  );
}

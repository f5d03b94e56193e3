import type { ReactNode } from 'react';

export interface LoadingRegionProps {
  /** What is loading, read out to screen readers, e.g. "Loading services…". */
  label: string;
  /** The skeletons that stand in for the content. */
  children: ReactNode;
}

/** Wraps skeletons so assistive technology hears one "loading" message instead of empty boxes. */
export function LoadingRegion({ label, children }: LoadingRegionProps) {
  return (
    <div aria-busy="true">
      <p role="status" className="sr-only">
        {label}
      </p>
      {children}
    </div>
  );
}

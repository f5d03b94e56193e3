import type { ReactNode } from 'react';

export interface PageHeadingProps {
  title: ReactNode;
  description?: ReactNode;
}

/** The page's one h1 and a line under it saying what the page is for. */
export function PageHeading({ title, description }: PageHeadingProps) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
      {description ? <p className="mt-2 text-base text-slate-600">{description}</p> : null}
    </div>
  );
}

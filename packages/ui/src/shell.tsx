import type { ReactNode } from 'react';

export interface ShellProps {
  /** Shown top left: the clinic's name (or a skeleton while it loads). */
  brand: ReactNode;
  /** A short label after the brand, e.g. "Admin", so staff can tell the apps apart. */
  tagline?: ReactNode;
  children: ReactNode;
}

/** The first stop of Tab on every page: straight to the `#main` landmark, past the header. */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only rounded-md bg-white px-3 py-2 text-sm font-semibold text-brand-800 shadow focus:not-sr-only focus:fixed focus:px-3 focus:py-2 focus:top-2 focus:left-2 focus:z-50"
    >
      Skip to content
    </a>
  );
}

/** The clinic's mark before its name in a header; decoration only. */
export function ClinicMark() {
  return (
    <span
      aria-hidden="true"
      className="grid size-8 shrink-0 place-items-center rounded-lg bg-brand-700 text-white"
    >
      <svg viewBox="0 0 20 20" className="size-4" fill="currentColor">
        <path d="M8 2h4v6h6v4h-6v6H8v-6H2V8h6z" />
      </svg>
    </span>
  );
}

/** The page frame: a skip link, a header with the clinic's name and one main landmark. */
export function Shell({ brand, tagline, children }: ShellProps) {
  return (
    <div className="min-h-dvh">
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center gap-3 px-4 py-4 sm:px-6">
          <ClinicMark />
          <div className="min-w-0 text-base font-semibold text-slate-900">{brand}</div>
          {tagline ? <span className="ml-auto text-sm text-slate-600">{tagline}</span> : null}
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto max-w-3xl px-4 py-8 outline-none sm:px-6 sm:py-10"
      >
        {children}
      </main>
    </div>
  );
}

import { ROLE_LABELS, type AdminRole } from '@clinicpay/contracts';
import { ClinicMark, Skeleton, SkipLink } from '@clinicpay/ui';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useClinic } from '../components/use-clinic.js';
import { AdminNav } from './admin-nav.js';
import { SignOutButton } from './sign-out-button.js';

export interface AdminLayoutProps {
  admin: { name: string; email: string; role: AdminRole };
  children: ReactNode;
  /** Before the clinic exists only its set-up can be done: no sections to go to. */
  withNav?: boolean;
}

/** The first segment of a path: moving between sections moves focus, opening a row's panel does not. */
const sectionOf = (path: string) => path.split('/')[1] ?? '';

/** The frame of every signed-in page: skip link, header (clinic, admin, sign out), navigation, main. */
export function AdminLayout({ admin, children, withNav = true }: AdminLayoutProps) {
  const clinic = useClinic();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const section = sectionOf(location.pathname);
  const firstRender = useRef(true);

  // A new page moves focus to its start, so keyboard and screen-reader users begin at its heading
  // rather than on the link they pressed (which stays in the nav); not on the first render.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [section]);

  return (
    <div className="min-h-dvh">
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-2 px-4 pt-3 sm:px-6">
          <ClinicMark />
          <div className="min-w-0 text-base font-semibold text-slate-900">
            {clinic.data ? (
              clinic.data.name
            ) : clinic.isPending ? (
              <Skeleton className="h-5 w-40" />
            ) : (
              'Clinicpay'
            )}
            <span className="ml-2 text-sm font-normal text-slate-600">Admin</span>
          </div>
          <div className="ml-auto flex items-center gap-2">
            <Link
              to="/account"
              className="hidden text-sm text-slate-600 hover:underline sm:inline"
              title={`${admin.email}: your account and signed-in devices`}
            >
              {admin.name}
              <span className="text-slate-500"> · {ROLE_LABELS[admin.role]}</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
        {withNav ? <AdminNav /> : <div className="h-3" />}
      </header>
      <main
        id="main"
        ref={mainRef}
        tabIndex={-1}
        className="mx-auto max-w-7xl px-4 py-6 outline-none sm:px-6 sm:py-8"
      >
        {children}
      </main>
    </div>
  );
}

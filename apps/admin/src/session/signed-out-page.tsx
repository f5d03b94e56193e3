import { Card, useDocumentTitle } from '@clinicpay/ui';
import type { ReactNode } from 'react';
import { useClinic } from '../components/use-clinic.js';

/**
 * A signed-out page's address, for plain links between them: a full load of a page that needs
 * nothing from the one before (and whose form may be mid-validation).
 */
export const pathTo = (page: 'sign-in' | 'forgot-password') => `${import.meta.env.BASE_URL}${page}`;

/** The frame of the pages opened signed out (sign-in's look): a card under the clinic's name. */
export function SignedOutPage({
  title,
  aside,
  children,
}: {
  title: string;
  /** Beside the title, e.g. "Forgot password?": above the fields, so their messages never move it. */
  aside?: ReactNode;
  children: ReactNode;
}) {
  useDocumentTitle(`${title} · Clinic admin`);
  const clinic = useClinic();
  return (
    // Top-aligned, not centred: a field's message growing the card must not move what is above it
    // (a click that began on "Forgot password?" would end beside it).
    <main id="main" className="grid min-h-dvh justify-items-center px-4 pt-[12vh] pb-10">
      <div className="w-full max-w-sm">
        <p className="mb-2 text-center text-sm font-semibold text-slate-600">
          {clinic.data?.name ?? 'Clinicpay'} · Admin
        </p>
        <Card className="p-6">
          <div className="mb-5 flex flex-wrap items-baseline justify-between gap-2">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
            {aside}
          </div>
          {children}
        </Card>
      </div>
    </main>
  );
}

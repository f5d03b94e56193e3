import { EmptyState, PageHeading, useDocumentTitle } from '@clinicpay/ui';
import { Link } from 'react-router';
import { ClinicShell } from '../clinic-shell.js';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <ClinicShell>
      <PageHeading title="Page not found" />
      <EmptyState title="This page does not exist.">
        Check the address, or{' '}
        <Link to="/" className="font-semibold text-brand-700 underline underline-offset-2">
          start a new booking
        </Link>
        .
      </EmptyState>
    </ClinicShell>
  );
}

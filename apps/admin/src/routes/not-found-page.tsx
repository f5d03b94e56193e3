import { EmptyState, PageHeading, useDocumentTitle } from '@clinicpay/ui';
import { Link } from 'react-router';
import { AdminShell } from '../admin-shell.js';

export function NotFoundPage() {
  useDocumentTitle('Page not found · Clinic admin');
  return (
    <AdminShell>
      <PageHeading title="Page not found" />
      <EmptyState title="This page does not exist.">
        Check the address, or go to{' '}
        <Link to="/" className="font-semibold text-brand-700 underline underline-offset-2">
          the services overview
        </Link>
        .
      </EmptyState>
    </AdminShell>
  );
}

import { EmptyState, PageHeading, useDocumentTitle } from '@clinicpay/ui';
import { Link } from 'react-router';

export function NotFoundPage() {
  useDocumentTitle('Page not found · Clinic admin');
  return (
    <>
      <PageHeading title="Page not found" />
      <EmptyState title="This page does not exist.">
        Check the address, or go to{' '}
        <Link
          to="/transactions"
          className="font-semibold text-brand-700 underline underline-offset-2"
        >
          the transactions
        </Link>
        .
      </EmptyState>
    </>
  );
}

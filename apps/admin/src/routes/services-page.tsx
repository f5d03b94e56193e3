import { PageHeading, useDocumentTitle } from '@clinicpay/ui';
import { AdminShell } from '../admin-shell.js';
import { ServiceTable } from '../services/service-table.js';

/** The services patients can book, as the clinic has them configured. */
export function ServicesPage() {
  useDocumentTitle('Services · Clinic admin');
  return (
    <AdminShell>
      <PageHeading
        title="Services"
        description="What patients can book online, with each service's length and price."
      />
      <ServiceTable />
    </AdminShell>
  );
}

import { Button, EmptyState, LoadingRegion, Skeleton, useDocumentTitle } from '@clinicpay/ui';
import { useState } from 'react';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { PageHeader } from '../components/page-header.js';
import { QueryError } from '../components/query-states.js';
import { useClinic } from '../components/use-clinic.js';
import { notify } from '../toasts.js';
import { trpc } from '../trpc.js';
import { ServiceFormDialog } from './service-form-dialog.js';
import type { AdminService } from './service-form-values.js';
import { ServicesTable } from './services-table.js';

type Editing = { service: AdminService | null } | null;

/** Services: add, edit (name, duration, price), delete (patients can no longer book it) and restore. */
export function ServicesPage() {
  useDocumentTitle('Services · Clinic admin');
  const clinic = useClinic();
  const utils = trpc.useUtils();
  const services = trpc.admin.services.list.useQuery();
  const doctors = trpc.admin.doctors.list.useQuery();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<AdminService | null>(null);
  const done = (title: string) => () => {
    void utils.admin.services.list.invalidate();
    void utils.catalogue.invalidate();
    notify({ title, tone: 'success' });
  };
  const failed = (error: unknown) => {
    if (!isUnauthorized(error))
      notify({ title: 'Nothing was changed.', description: messageOf(error), tone: 'error' });
  };
  const remove = trpc.admin.services.delete.useMutation({ onError: failed });
  const restore = trpc.admin.services.restore.useMutation({ onError: failed });
  const doctorNames = new Map((doctors.data ?? []).map((d) => [d.id, d.name]));

  return (
    <>
      <PageHeader
        title="Services"
        description="What patients can book, how long it takes and what it costs."
        actions={<Button onPress={() => setEditing({ service: null })}>Add a service</Button>}
      />
      <QueryError query={services} title="The services could not be loaded." />
      {services.data?.length === 0 ? (
        <EmptyState title="No services yet.">
          Add the first one: patients can book only what is listed here.
        </EmptyState>
      ) : services.data ? (
        <ServicesTable
          services={services.data}
          doctorNames={doctorNames}
          onEdit={(service) => setEditing({ service })}
          onDelete={setDeleting}
          onRestore={(service) =>
            restore.mutate(
              { serviceId: service.id },
              { onSuccess: done(`${service.name} restored`) },
            )
          }
        />
      ) : services.isPending ? (
        <LoadingRegion label="Loading services…">
          <Skeleton className="h-48 w-full" />
        </LoadingRegion>
      ) : null}
      <ServiceFormDialog
        key={editing?.service?.id ?? 'new'}
        service={editing?.service ?? null}
        defaultCurrency={clinic.data?.currency ?? 'USD'}
        isOpen={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
      />
      <ConfirmDialog
        isOpen={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Delete ${deleting?.name ?? 'this service'}?`}
        confirmLabel="Delete service"
        onConfirm={() => {
          if (deleting)
            remove.mutate(
              { serviceId: deleting.id },
              { onSuccess: done(`${deleting.name} deleted`) },
            );
          setDeleting(null);
        }}
      >
        Patients can no longer book it. Bookings already made keep it, and you can restore it later.
      </ConfirmDialog>
    </>
  );
}

import {
  Badge,
  Button,
  Card,
  EmptyState,
  LoadingRegion,
  Skeleton,
  useDocumentTitle,
} from '@clinicpay/ui';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.js';
import { QueryError } from '../components/query-states.js';
import { trpc } from '../trpc.js';
import { DoctorFormDialog } from './doctor-form-dialog.js';
import { weekdayShort } from './weekdays.js';

/** Doctors with their specialty and week; each opens to edit services, hours and time off. */
export function DoctorsPage() {
  useDocumentTitle('Doctors · Clinic admin');
  const doctors = trpc.admin.doctors.list.useQuery();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader
        title="Doctors"
        description="Who patients can book, which services they offer, their weekly hours and time off."
        actions={<Button onPress={() => setAdding(true)}>Add a doctor</Button>}
      />
      <QueryError query={doctors} title="The doctors could not be loaded." />
      {doctors.data?.length === 0 ? (
        <EmptyState title="No doctors yet.">
          Add one, then give them services and weekly hours.
        </EmptyState>
      ) : null}
      {doctors.data && doctors.data.length > 0 ? (
        <ul className="grid gap-3 md:grid-cols-2">
          {doctors.data.map((doctor) => (
            <li key={doctor.id}>
              <Card className="grid gap-1 p-4">
                <p className="flex flex-wrap items-center gap-2">
                  <Link
                    to={doctor.id}
                    className="font-semibold text-brand-800 underline decoration-brand-800/30 underline-offset-2 hover:decoration-brand-800"
                  >
                    {doctor.name}
                  </Link>
                  {doctor.active ? null : <Badge tone="slate">Not taking bookings</Badge>}
                </p>
                <p className="text-sm text-slate-600">{doctor.specialty || 'No specialty given'}</p>
                <p className="text-sm text-slate-700">
                  {doctor.weeklyHours.length > 0
                    ? `Works ${[...new Set(doctor.weeklyHours.map((h) => h.weekday))].sort().map(weekdayShort).join(', ')}`
                    : 'No weekly hours yet'}{' '}
                  · {doctor.serviceIds.length}{' '}
                  {doctor.serviceIds.length === 1 ? 'service' : 'services'}
                  {doctor.timeOff.length > 0 ? ` · ${doctor.timeOff.length} time off` : ''}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      ) : doctors.isPending ? (
        <LoadingRegion label="Loading doctors…">
          <Skeleton className="h-32 w-full" />
        </LoadingRegion>
      ) : null}
      <DoctorFormDialog isOpen={adding} onOpenChange={setAdding} />
    </>
  );
}

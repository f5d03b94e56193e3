import { Card, LoadingRegion, PageHeading, Skeleton, useDocumentTitle } from '@clinicpay/ui';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { Breadcrumb } from '../components/breadcrumb.js';
import { QueryError } from '../components/query-states.js';
import { trpc } from '../trpc.js';
import { DoctorDetailsForm } from './doctor-details-form.js';
import { DoctorServicesForm } from './doctor-services-form.js';
import { TimeOffSection } from './time-off-section.js';
import { WeeklyHoursForm } from './weekly-hours-form.js';

/** One doctor: details, services offered, weekly hours and time off, each saved on its own. */
export function DoctorPage() {
  const { doctorId = '' } = useParams();
  const doctors = trpc.admin.doctors.list.useQuery();
  const doctor = doctors.data?.find((d) => d.id === doctorId);
  useDocumentTitle(`${doctor?.name ?? 'Doctor'} · Clinic admin`);
  return (
    <>
      <Breadcrumb parent={{ to: '/doctors', label: 'Doctors' }} current={doctor?.name ?? '…'} />
      <PageHeading
        title={doctor?.name ?? 'Doctor'}
        description={doctor ? doctor.specialty || undefined : undefined}
      />
      <QueryError query={doctors} title="The doctor could not be loaded." />
      {doctors.data && !doctor ? (
        <p className="text-slate-700">This doctor does not exist.</p>
      ) : null}
      {doctor ? (
        <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-2 lg:items-start">
          <Section title="Details">
            <DoctorDetailsForm doctor={doctor} />
          </Section>
          <Section title="Services">
            <DoctorServicesForm doctor={doctor} />
          </Section>
          <Section title="Weekly hours" wide>
            <WeeklyHoursForm doctor={doctor} />
          </Section>
          <Section title="Time off" wide>
            <TimeOffSection doctor={doctor} />
          </Section>
        </div>
      ) : doctors.isPending ? (
        <LoadingRegion label="Loading the doctor…">
          <Skeleton className="h-64 w-full" />
        </LoadingRegion>
      ) : null}
    </>
  );
}

/** A card per concern; the wide ones (rows of times) take the whole width on a desktop. */
function Section({
  title,
  children,
  wide = false,
}: {
  title: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <Card className={wide ? 'p-4 sm:p-6 lg:col-span-2' : 'p-4 sm:p-6'}>
      <h2 className="mb-4 text-lg font-semibold text-slate-900">{title}</h2>
      {children}
    </Card>
  );
}

import { Drawer, LoadingRegion, Skeleton } from '@clinicpay/ui';
import { useLocation, useNavigate, useParams } from 'react-router';
import { QueryError } from '../components/query-states.js';
import { useTimeZone } from '../components/use-clinic.js';
import { formatDateTime } from '../format/clinic-time.js';
import { trpc } from '../trpc.js';
import { AppointmentDetails } from './appointment-details.js';

/** One appointment in a panel over the list (route /appointments/:appointmentId). */
export function AppointmentDrawer() {
  const { appointmentId = '' } = useParams();
  const navigate = useNavigate();
  const { search } = useLocation();
  const timeZone = useTimeZone();
  const appointment = trpc.admin.appointments.get.useQuery({ appointmentId });
  const data = appointment.data;
  return (
    <Drawer
      isOpen
      onOpenChange={(open) => {
        if (!open) void navigate({ pathname: '/appointments', search });
      }}
      title={data ? `Appointment ${data.reference}` : 'Appointment'}
      subtitle={
        data ? `${data.patient.name} · ${formatDateTime(data.startsAt, timeZone)}` : undefined
      }
      closeLabel="Close the appointment"
    >
      <QueryError query={appointment} title="This appointment could not be loaded." />
      {data ? (
        <AppointmentDetails appointment={data} timeZone={timeZone} />
      ) : appointment.isPending ? (
        <LoadingRegion label="Loading the appointment…">
          <Skeleton className="h-40 w-full" />
        </LoadingRegion>
      ) : null}
    </Drawer>
  );
}

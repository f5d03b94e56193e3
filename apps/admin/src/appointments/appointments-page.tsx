import { EmptyState } from '@clinicpay/ui';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ListPage } from '../components/list-page.js';
import { useClinic } from '../components/use-clinic.js';
import { useKeysetPages } from '../components/use-keyset-pages.js';
import { clinicToday } from '../format/clinic-time.js';
import { trpc } from '../trpc.js';
import { appointmentColumns } from './appointment-columns.js';
import { AppointmentFilterForm } from './appointment-filter-form.js';
import {
  appointmentSearchParams,
  parseAppointmentQuery,
  toAppointmentsInput,
  type AppointmentQuery,
} from './appointment-query.js';

const PAGE_SIZE = 25;

/** Appointments from today on (or any dates), filtered; a row's details open in a panel. */
export function AppointmentsPage() {
  const clinic = useClinic();
  const timeZone = clinic.data?.timeZone ?? 'UTC';
  const today = clinicToday(timeZone);
  const [params, setParams] = useSearchParams();
  const query = parseAppointmentQuery(params, today);
  const input = toAppointmentsInput(query, timeZone);
  const pages = useKeysetPages(input, PAGE_SIZE);
  const list = trpc.admin.appointments.list.useQuery(
    { ...input, ...pages.input },
    { enabled: clinic.isSuccess, ...pages.queryOptions },
  );
  const apply = (next: AppointmentQuery) => setParams(appointmentSearchParams(next, today));
  const columns = useMemo(() => appointmentColumns(timeZone), [timeZone]);

  return (
    <ListPage
      title="Appointments"
      description="Bookings by time, with their payments. Open one to cancel it or mark it paid or a no-show."
      path="/appointments"
      filters={<AppointmentFilterForm query={query} today={today} onApply={apply} />}
      list={list}
      pages={pages}
      errorTitle="The appointments could not be loaded."
      noun="appointments"
      table={{
        columns,
        caption: `Appointments, ${query.direction === 'asc' ? 'soonest first' : 'latest first'}`,
        loadingLabel: 'Loading appointments…',
        empty: (
          <EmptyState title="No appointments match.">Try another day or clear a filter.</EmptyState>
        ),
        sorting: { id: 'starts_at', direction: query.direction },
        onSortChange: ({ direction }) => apply({ ...query, direction }),
      }}
    />
  );
}

import { PageHeading, useDocumentTitle } from '@clinicpay/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { Outlet, useSearchParams } from 'react-router';
import { KeysetPager } from '../components/keyset-pager.js';
import { QueryError } from '../components/query-states.js';
import { useClinic } from '../components/use-clinic.js';
import { useKeysetPages } from '../components/use-keyset-pages.js';
import { useReturnFocus } from '../components/use-return-focus.js';
import { clinicToday } from '../format/clinic-time.js';
import { trpc } from '../trpc.js';
import { AppointmentFilterForm } from './appointment-filter-form.js';
import {
  appointmentSearchParams,
  parseAppointmentQuery,
  toAppointmentsInput,
  type AppointmentQuery,
} from './appointment-query.js';
import { AppointmentsTable } from './appointments-table.js';

const PAGE_SIZE = 25;

/** Appointments from today on (or any dates), filtered; a row's details open in a panel. */
export function AppointmentsPage() {
  useDocumentTitle('Appointments · Clinic admin');
  useReturnFocus('/appointments');
  const clinic = useClinic();
  const timeZone = clinic.data?.timeZone ?? 'UTC';
  const today = clinicToday(timeZone);
  const [params, setParams] = useSearchParams();
  const query = parseAppointmentQuery(params, today);
  const input = toAppointmentsInput(query, timeZone);
  const pages = useKeysetPages(JSON.stringify(input));
  const list = trpc.admin.appointments.list.useQuery(
    { ...input, limit: PAGE_SIZE, ...(pages.cursor ? { cursor: pages.cursor } : {}) },
    { enabled: clinic.isSuccess, placeholderData: keepPreviousData },
  );
  const apply = (next: AppointmentQuery) => setParams(appointmentSearchParams(next, today));
  const search = params.toString() ? `?${params.toString()}` : '';

  return (
    <>
      <PageHeading
        title="Appointments"
        description="Bookings by time, with their payments. Open one to cancel it or mark it paid or a no-show."
      />
      <AppointmentFilterForm query={query} today={today} onApply={apply} />
      <QueryError query={list} title="The appointments could not be loaded." />
      {list.isError ? null : (
        <AppointmentsTable
          rows={list.data?.rows}
          direction={query.direction}
          onDirectionChange={(direction) => apply({ ...query, direction })}
          timeZone={timeZone}
          search={search}
          isRefreshing={list.isPlaceholderData}
        />
      )}
      <KeysetPager
        noun="appointments"
        pageIndex={pages.pageIndex}
        pageSize={PAGE_SIZE}
        rowsOnPage={list.data?.rows.length ?? 0}
        hasNext={Boolean(list.data?.nextCursor)}
        isFetching={list.isFetching}
        onPrevious={() => pages.previous()}
        onNext={() => list.data?.nextCursor && pages.next(list.data.nextCursor)}
      />
      <Outlet />
    </>
  );
}

import { addDays, MAX_ADVANCE_DAYS } from '@clinicpay/contracts';
import { Button, LoadingRegion, Skeleton } from '@clinicpay/ui';
import { useEffect, useMemo, useState } from 'react';
import { clinicToday, zoneName } from '../clinic-time.js';
import { LoadError } from '../components/load-error.js';
import { Note } from '../components/note.js';
import { isRetrying } from '../components/use-query-state.js';
import { trpc } from '../trpc.js';
import type { StepProps } from '../wizard/step-props.js';
import { AvailabilityCalendar } from './availability-calendar.js';
import { BackButton } from './back-button.js';
import { bookableMonthRange } from './month-range.js';
import { SlotPicker } from './slot-picker.js';

/** Step 3: a calendar marking the days with free times, then the times of the chosen day. */
export function TimeStep({ state, dispatch }: StepProps) {
  const clinic = trpc.catalogue.clinic.useQuery();
  if (clinic.isError) {
    return (
      <LoadError
        title="We couldn't load the clinic's calendar."
        onRetry={() => void clinic.refetch()}
        isRetrying={false}
      >
        Check your internet connection and try again.
      </LoadError>
    );
  }
  if (clinic.isPending) return <CalendarSkeleton />;
  return <TimePicker timeZone={clinic.data.timeZone} state={state} dispatch={dispatch} />;
}

function TimePicker({ timeZone, state, dispatch }: StepProps & { timeZone: string }) {
  const today = clinicToday(timeZone);
  const lastBookable = addDays(today, MAX_ADVANCE_DAYS);
  const [focused, setFocused] = useState(state.date ?? today);
  const range = bookableMonthRange(focused, today, lastBookable);
  const availability = trpc.catalogue.availability.useQuery(
    {
      serviceId: state.serviceId ?? '',
      doctorId: state.doctorId ?? 'any',
      from: range.from,
      to: range.to,
    },
    { staleTime: 15_000, refetchOnWindowFocus: true },
  );
  const days = availability.data?.days;
  const freeDates = useMemo(
    () => (days ? new Set(days.filter((d) => d.slots.length > 0).map((d) => d.date)) : null),
    [days],
  );
  const inMonth = state.date !== null && state.date >= range.from && state.date <= range.to;
  const firstFree = days?.find((d) => d.slots.length > 0)?.date ?? null;

  // Open on the first day with free times, so the times show without an extra click.
  useEffect(() => {
    if (!inMonth && firstFree) dispatch({ type: 'chooseDate', date: firstFree });
  }, [inMonth, firstFree, dispatch]);

  const day = days?.find((d) => d.date === state.date);
  const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const monthName = new Intl.DateTimeFormat(undefined, { month: 'long', timeZone: 'UTC' }).format(
    new Date(`${range.from}T12:00:00Z`),
  );

  return (
    <div className="grid gap-6">
      {state.notice ? <Note tone="warning">{state.notice}</Note> : null}
      <p className="text-sm text-slate-700">
        Times are in the clinic&rsquo;s time zone,{' '}
        <strong className="font-semibold">{zoneName(timeZone)}</strong>
        {deviceZone !== timeZone ? ` (your device is set to ${zoneName(deviceZone)})` : ''}.
      </p>
      <div className="grid items-start gap-6 sm:grid-cols-[minmax(0,22rem)_1fr]">
        <AvailabilityCalendar
          focused={focused}
          onFocusChange={setFocused}
          selected={state.date}
          onSelect={(date) => dispatch({ type: 'chooseDate', date })}
          today={today}
          lastBookable={lastBookable}
          freeDates={freeDates}
        />
        <div aria-live="polite">
          {availability.isError || isRetrying(availability) ? (
            <LoadError
              title="We couldn't load the free times."
              onRetry={() => void availability.refetch()}
              isRetrying={isRetrying(availability)}
            >
              Check your internet connection and try again.
            </LoadError>
          ) : availability.isPending ? (
            <SlotsSkeleton />
          ) : freeDates?.size === 0 ? (
            <div className="grid gap-3 rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-slate-700">
              <p>
                <span className="font-semibold text-slate-900">No free times in {monthName}.</span>{' '}
                {range.nextMonthStart <= lastBookable
                  ? 'Try the next month.'
                  : 'Please call the clinic to book.'}
              </p>
              {range.nextMonthStart <= lastBookable ? (
                <div>
                  <Button variant="secondary" onPress={() => setFocused(range.nextMonthStart)}>
                    Show the next month
                  </Button>
                </div>
              ) : null}
            </div>
          ) : state.date && day ? (
            <SlotPicker
              date={state.date}
              slots={day.slots}
              timeZone={timeZone}
              selectedStartsAt={state.slot?.startsAt ?? null}
              onChoose={(slot) =>
                dispatch({
                  type: 'chooseSlot',
                  slot: { startsAt: slot.startsAt, endsAt: slot.endsAt },
                })
              }
            />
          ) : (
            <p className="text-sm text-slate-700">
              Choose a day marked with a dot to see its times.
            </p>
          )}
        </div>
      </div>
      <div>
        <BackButton onPress={() => dispatch({ type: 'goTo', step: 'doctor' })}>
          Back to doctors
        </BackButton>
      </div>
    </div>
  );
}

function SlotsSkeleton() {
  return (
    <LoadingRegion label="Loading free times…">
      <Skeleton className="mb-3 h-5 w-48" />
      <div className="grid grid-cols-3 gap-2 sm:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-11" />
        ))}
      </div>
    </LoadingRegion>
  );
}

function CalendarSkeleton() {
  return (
    <LoadingRegion label="Loading the calendar…">
      <Skeleton className="h-80 w-full max-w-sm rounded-xl" />
    </LoadingRegion>
  );
}

import { addDays } from '@clinicpay/contracts';
import { Button, BusyButton, LoadingRegion, Skeleton } from '@clinicpay/ui';
import { useState } from 'react';
import { messageOf } from '../api-errors.js';
import { clinicToday, formatDate, formatTime } from '../clinic-time.js';
import { SlotPicker } from '../steps/slot-picker.js';
import { trpc, type BookingStatus, type Slot } from '../trpc.js';

/** Two weeks of free times is enough to choose from; further needs a call or a new booking. */
const DAYS_SHOWN = 14;

/**
 * Another time of the same service, with the same doctor or any, from the free times now. The
 * move is confirmed before it is made; the amount paid carries over.
 */
export function ReschedulePanel({
  booking,
  token,
  onMoved,
  onClose,
}: {
  booking: BookingStatus;
  token: string;
  onMoved: () => void;
  onClose: () => void;
}) {
  const tz = booking.clinic.timeZone;
  const [doctor, setDoctor] = useState<'same' | 'any'>('same');
  const [chosen, setChosen] = useState<Slot | null>(null);
  const from = clinicToday(tz);
  const availability = trpc.catalogue.availability.useQuery(
    {
      serviceId: booking.serviceId,
      doctorId: doctor === 'same' ? booking.doctorId : 'any',
      from,
      to: addDays(from, DAYS_SHOWN - 1),
    },
    { staleTime: 0 },
  );
  const reschedule = trpc.booking.reschedule.useMutation({ onSuccess: onMoved });
  const days = (availability.data?.days ?? []).filter((d) => d.slots.length > 0);

  return (
    <section aria-label="Choose a new time" className="grid gap-4 border-t border-slate-200 pt-4">
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-2 font-semibold text-slate-900">Doctor</legend>
        {(['same', 'any'] as const).map((choice) => (
          <label key={choice} className="inline-flex items-center gap-2">
            <input
              type="radio"
              name="reschedule-doctor"
              checked={doctor === choice}
              onChange={() => {
                setDoctor(choice);
                setChosen(null);
              }}
            />
            {choice === 'same' ? booking.doctorName : 'Any available doctor'}
          </label>
        ))}
      </fieldset>
      {availability.isError ? (
        <p role="alert" className="text-sm text-red-900">
          {messageOf(availability.error)}
        </p>
      ) : !availability.data ? (
        <LoadingRegion label="Loading free times…">
          <Skeleton className="h-32 w-full rounded-xl" />
        </LoadingRegion>
      ) : days.length === 0 ? (
        <p className="text-sm text-slate-700">
          No free times in the next two weeks; please call the clinic.
        </p>
      ) : (
        <div className="grid max-h-96 gap-4 overflow-y-auto">
          {days.map((day) => (
            <SlotPicker
              key={day.date}
              date={day.date}
              slots={day.slots}
              timeZone={tz}
              selectedStartsAt={chosen?.startsAt ?? null}
              onChoose={setChosen}
            />
          ))}
        </div>
      )}
      {reschedule.error ? (
        <p role="alert" className="text-sm font-medium text-red-900">
          {messageOf(reschedule.error)}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <BusyButton
          isBusy={reschedule.isPending}
          busyLabel="Moving…"
          onPress={() => {
            if (!chosen) return;
            reschedule.mutate({
              reference: booking.reference,
              token,
              doctorId: doctor === 'same' ? booking.doctorId : 'any',
              startsAt: chosen.startsAt,
            });
          }}
        >
          {chosen
            ? `Move to ${formatDate(chosen.startsAt, tz)}, ${formatTime(chosen.startsAt, tz)}`
            : 'Choose a time above'}
        </BusyButton>
        <Button variant="secondary" onPress={onClose}>
          Keep current time
        </Button>
      </div>
    </section>
  );
}

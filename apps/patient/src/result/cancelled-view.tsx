import { toLocal } from '@clinicpay/contracts';
import { Button, buttonClass, Card } from '@clinicpay/ui';
import { Link, useNavigate } from 'react-router';
import type { RememberedBooking } from '../booking-memory.js';
import { BusyButton } from '@clinicpay/ui';
import { Note } from '../components/note.js';
import { trpc, type BookingStatus } from '../trpc.js';
import { BookingDetails } from './booking-details.js';
import { cancelSentence } from './cancel-reason.js';
import { useRebook, wizardFor } from './use-rebook.js';

/** Cancelled: why, and (while the time is still free) booking it again in one click. */
export function CancelledView({
  booking,
  remembered,
}: {
  booking: BookingStatus;
  remembered: RememberedBooking | null;
}) {
  const navigate = useNavigate();
  const request = remembered?.request ?? null;
  const date = toLocal(new Date(booking.startsAt), booking.clinic.timeZone).date;
  const availability = trpc.catalogue.availability.useQuery(
    {
      serviceId: request?.serviceId ?? '',
      doctorId: request?.doctorId ?? 'any',
      from: date,
      to: date,
    },
    { enabled: request !== null, staleTime: 0 },
  );
  const stillFree =
    availability.data?.days[0]?.slots.some((slot) => slot.startsAt === booking.startsAt) ?? false;
  const { rebook, isPending, problem } = useRebook(booking, request);

  return (
    <div className="grid gap-6">
      <Note tone="warning" role="status">
        {cancelSentence(booking)}
      </Note>
      <Card className="p-4 sm:p-5">
        <BookingDetails booking={booking} />
      </Card>
      {problem ? <Note tone="problem">{problem.message}</Note> : null}
      {request && availability.data && !stillFree && !problem ? (
        <p className="text-sm text-slate-700">
          This time has been taken since. Please choose another time.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {request && stillFree && !problem?.timeGone ? (
          <BusyButton onPress={() => void rebook()} isBusy={isPending} busyLabel="Booking…">
            Book this time again
          </BusyButton>
        ) : null}
        {request ? (
          <Button
            variant={stillFree ? 'secondary' : 'primary'}
            onPress={() =>
              void navigate('/', { state: { wizard: wizardFor(booking, request, 'time') } })
            }
          >
            Choose another time
          </Button>
        ) : (
          <Link to="/" className={buttonClass('primary')}>
            Book a new appointment
          </Link>
        )}
      </div>
    </div>
  );
}

import { EmptyState, ErrorMessage, LoadingRegion, Skeleton, useDocumentTitle } from '@clinicpay/ui';
import { useEffect, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { appCodeOf, messageOf } from '../api-errors.js';
import { recallBooking } from '../booking-memory.js';
import { ClinicShell } from '../clinic-shell.js';
import { CancelledView } from '../result/cancelled-view.js';
import { ConfirmedView } from '../result/confirmed-view.js';
import { ProcessingView } from '../result/processing-view.js';
import { StatusLink } from '../result/status-link.js';
import { trpc, type BookingStatus } from '../trpc.js';
import { clearSavedWizard } from '../wizard/use-wizard.js';

/** While a payment is undecided the status is read again this often (each read asks Stripe). */
const PROCESSING_POLL_MS = 2000;

const TITLES: Record<BookingStatus['status'], string> = {
  confirmed: 'Your appointment is confirmed',
  pending_payment: 'Waiting for your payment',
  cancelled: 'This booking is cancelled',
  arrived: 'You have checked in',
  completed: 'Your appointment has taken place',
  no_show: 'This appointment was missed',
};

/**
 * The result page: Stripe's return URL (`?session_id=`), the in-page onComplete and the status
 * link (`?token=`) all land here. It shows the booking as the server has it, and keeps reading
 * while a payment is undecided.
 */
export function BookingStatusPage() {
  const { reference = '' } = useParams();
  const [params] = useSearchParams();
  const remembered = recallBooking(reference);
  const token = params.get('token') ?? remembered?.token ?? null;
  const sessionId = params.get('session_id');
  // Both when both are known: the session id marks Stripe's return, where the API always asks
  // Stripe rather than waiting for the webhook; the token works later and allows cancelling.
  const input =
    token || sessionId
      ? { reference, ...(token ? { token } : {}), ...(sessionId ? { sessionId } : {}) }
      : null;

  const status = trpc.booking.status.useQuery(input ?? { reference, token: '' }, {
    enabled: input !== null,
    staleTime: 0,
    // Asking again cannot help a booking that does not exist, nor a caller asked to wait.
    retry: (count, error) =>
      !['booking_not_found', 'rate_limited'].includes(appCodeOf(error) ?? '') && count < 2,
    // While Stripe is limiting requests the API says to ask less often.
    refetchInterval: (query) =>
      query.state.data?.status === 'pending_payment'
        ? (query.state.data.pollAfterMs ?? PROCESSING_POLL_MS)
        : false,
  });
  const booking = status.data;
  useDocumentTitle(booking ? `${TITLES[booking.status]} · ${booking.reference}` : 'Your booking');

  // Decided: the wizard's saved card form for it is of no more use.
  const decided = booking && booking.status !== 'pending_payment';
  useEffect(() => {
    if (decided) clearSavedWizard();
  }, [decided]);

  // The heading takes focus when the outcome changes (processing → confirmed), so it is announced.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (booking?.status) headingRef.current?.focus();
  }, [booking?.status]);

  return (
    <ClinicShell>
      <div className="mb-6">
        <h1
          ref={headingRef}
          tabIndex={-1}
          className="text-2xl font-semibold tracking-tight text-slate-900 outline-none sm:text-3xl"
        >
          {booking ? TITLES[booking.status] : 'Your booking'}
        </h1>
        {booking ? (
          <p className="mt-2 text-base text-slate-600">Booking reference {booking.reference}</p>
        ) : null}
      </div>
      {!input ? (
        <EmptyState title="This link is missing its secret part.">
          Open the link from your booking confirmation, or{' '}
          <Link to="/" className="font-semibold text-brand-800 underline underline-offset-2">
            book a new appointment
          </Link>
          .
        </EmptyState>
      ) : status.isError ? (
        appCodeOf(status.error) === 'booking_not_found' ? (
          <EmptyState title="We could not find this booking.">{messageOf(status.error)}</EmptyState>
        ) : (
          <ErrorMessage
            title="We couldn't load your booking."
            onRetry={() => void status.refetch()}
            isRetrying={status.isFetching}
          >
            {appCodeOf(status.error) === 'rate_limited'
              ? `${messageOf(status.error)} Your booking is not affected.`
              : 'Check your internet connection and try again. Your booking is not affected.'}
          </ErrorMessage>
        )
      ) : !booking ? (
        <LoadingRegion label="Loading your booking…">
          <Skeleton className="mb-4 h-14 w-full rounded-xl" />
          <Skeleton className="h-56 w-full rounded-xl" />
        </LoadingRegion>
      ) : (
        <div className="grid gap-6">
          {booking.status === 'confirmed' ||
          booking.status === 'arrived' ||
          booking.status === 'completed' ? (
            <ConfirmedView booking={booking} token={token} />
          ) : null}
          {booking.status === 'no_show' ? (
            <EmptyState title="The clinic marked this appointment as missed.">
              Please call the clinic if this is wrong.
            </EmptyState>
          ) : null}
          {booking.status === 'pending_payment' ? (
            <ProcessingView booking={booking} token={token} request={remembered?.request ?? null} />
          ) : null}
          {booking.status === 'cancelled' ? (
            <CancelledView booking={booking} remembered={remembered} />
          ) : null}
          {token && booking.status !== 'cancelled' ? (
            <StatusLink reference={booking.reference} token={token} />
          ) : null}
        </div>
      )}
    </ClinicShell>
  );
}

import { buttonClass, Card, Spinner } from '@clinicpay/ui';
import { BusyButton } from '@clinicpay/ui';
import { Link } from 'react-router';
import { messageOf } from '../api-errors.js';
import { formatClockTime } from '../clinic-time.js';
import { trpc, type BookingStatus } from '../trpc.js';
import { BookingDetails } from './booking-details.js';

export interface ProcessingViewProps {
  booking: BookingStatus;
  token: string | null;
  /** True when this tab still has the card form for this booking (the wizard kept it). */
  canResumePayment: boolean;
}

/** Not paid yet: the page keeps asking (each read reconciles with Stripe) until it is decided. */
export function ProcessingView({ booking, token, canResumePayment }: ProcessingViewProps) {
  const utils = trpc.useUtils();
  const cancel = trpc.booking.cancel.useMutation({
    onSuccess: (updated) => utils.booking.status.setData({ reference: booking.reference, token: token ?? undefined }, updated),
  });
  const holdUntil = booking.holdExpiresAt ? formatClockTime(booking.holdExpiresAt, booking.clinic.timeZone) : null;
  return (
    <div className="grid gap-6">
      <div role="status" className="flex items-start gap-3 rounded-xl border border-brand-100 bg-brand-50 p-4 text-brand-900">
        <Spinner label="Checking the payment" className="mt-0.5" />
        <p>
          <span className="font-semibold">We are waiting for the payment to be confirmed.</span> This page updates by
          itself{holdUntil ? `; we hold the time for you until ${holdUntil}` : ''}.
        </p>
      </div>
      <Card className="p-4 sm:p-5">
        <BookingDetails booking={booking} />
      </Card>
      {cancel.isError ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {messageOf(cancel.error)}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {canResumePayment ? (
          <Link to="/" className={buttonClass('primary')}>
            Back to the card form
          </Link>
        ) : null}
        {token ? (
          <BusyButton
            variant="secondary"
            isBusy={cancel.isPending}
            busyLabel="Cancelling…"
            onPress={() => cancel.mutate({ reference: booking.reference, token })}
          >
            Cancel this booking
          </BusyButton>
        ) : null}
      </div>
    </div>
  );
}

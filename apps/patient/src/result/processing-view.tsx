import { BusyButton, Card, Spinner } from '@clinicpay/ui';
import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { appCodeOf, messageOf } from '../api-errors.js';
import { rememberBooking } from '../booking-memory.js';
import { CheckoutSkeleton } from '../checkout/checkout-skeleton.js';
import { CheckoutStep } from '../checkout/preload-checkout.js';
import { formatClockTime } from '../clinic-time.js';
import { Note } from '../components/note.js';
import {
  trpc,
  type BookingStatus,
  type CreateBookingRequest,
  type ResumedCheckout,
} from '../trpc.js';
import { BookingDetails } from './booking-details.js';
import { wizardFor } from './use-rebook.js';

export interface ProcessingViewProps {
  booking: BookingStatus;
  token: string | null;
  /** The request this tab made the booking with, if it did: "Pay another way" returns to the wizard with it. */
  request: CreateBookingRequest | null;
}

/**
 * Not paid yet: the page keeps asking (each read reconciles with Stripe) until it is decided.
 * With the status link's token, "Pay now" opens the booking's own card form again, in the page,
 * on any device (booking.resumeCheckout); the API's sentence says why when it cannot.
 */
export function ProcessingView({ booking, token, request }: ProcessingViewProps) {
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const [form, setForm] = useState<ResumedCheckout | null>(null);
  // The form finished (paid in the page, or cancelled): the page waits for the outcome.
  const [formDone, setFormDone] = useState(false);
  const cancel = trpc.booking.cancel.useMutation({
    onSuccess: (updated) =>
      utils.booking.status.setData(
        { reference: booking.reference, token: token ?? undefined },
        updated,
      ),
  });
  const resume = trpc.booking.resumeCheckout.useMutation({
    onSuccess: (resumed) => {
      // Stripe's return URL carries only the session id: the return page finds the token here.
      if (token) rememberBooking(booking.reference, { token, request });
      setForm(resumed);
    },
    // Paid or released meanwhile: the page shows which.
    onError: (error) => {
      if (appCodeOf(error) === 'checkout_not_resumable') void utils.booking.status.invalidate();
    },
  });
  const onResult = useCallback(() => {
    setForm(null);
    setFormDone(true);
    void utils.booking.status.invalidate();
  }, [utils]);

  if (form && token) {
    const checkout = {
      reference: form.reference,
      token,
      ...form.checkout,
      holdExpiresAt: form.holdExpiresAt,
    };
    return (
      <div className="grid gap-6">
        <ResumedFormHeading />
        <Suspense fallback={<CheckoutSkeleton />}>
          <CheckoutStep
            checkout={checkout}
            stripeJsUrl={form.stripeJsUrl}
            timeZone={booking.clinic.timeZone}
            onLeave={
              request
                ? () =>
                    void navigate('/', {
                      state: { wizard: wizardFor(booking, request, 'payment') },
                    })
                : undefined
            }
            onResult={onResult}
          />
        </Suspense>
        <Card className="p-4 sm:p-5">
          <BookingDetails booking={booking} />
        </Card>
      </div>
    );
  }

  const holdUntil = booking.holdExpiresAt
    ? formatClockTime(booking.holdExpiresAt, booking.clinic.timeZone)
    : null;
  const canPay = token !== null && booking.paymentMethod === 'stripe' && !formDone;
  const error = resume.isError ? resume.error : cancel.isError ? cancel.error : null;
  return (
    <div className="grid gap-6">
      <div
        role="status"
        className="flex items-start gap-3 rounded-xl border border-brand-100 bg-brand-50 p-4 text-brand-900"
      >
        <Spinner label="Checking the payment" className="mt-0.5" />
        <p>
          <span className="font-semibold">We are waiting for the payment to be confirmed.</span>{' '}
          This page updates by itself
          {holdUntil ? `; we hold the time for you until ${holdUntil}` : ''}.
          {canPay ? ' Not paid yet? Pay now by card to keep this time.' : ''}
        </p>
      </div>
      <Card className="p-4 sm:p-5">
        <BookingDetails booking={booking} />
      </Card>
      {error ? <Note tone="problem">{messageOf(error)}</Note> : null}
      <div className="flex flex-wrap gap-3">
        {canPay ? (
          <BusyButton
            isBusy={resume.isPending}
            busyLabel="Opening the card form…"
            onPress={() => resume.mutate({ reference: booking.reference, token })}
          >
            Pay now
          </BusyButton>
        ) : null}
        {token && !formDone ? (
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

/** The form replaces the buttons; focus goes to its heading so keyboard and screen-reader users start there. */
function ResumedFormHeading() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h2 ref={ref} tabIndex={-1} className="text-xl font-semibold text-slate-900 outline-none">
      Pay by card
    </h2>
  );
}

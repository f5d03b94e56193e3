import type { PaymentMethodChoice } from '@clinicpay/contracts';
import { ErrorMessage, LoadingRegion, Radio, RadioGroup, Skeleton } from '@clinicpay/ui';
import { BusyButton } from '@clinicpay/ui';
import { Suspense, useEffect, type ReactNode } from 'react';
import { CheckoutSkeleton } from '../checkout/checkout-skeleton.js';
import { CheckoutStep, preloadCheckout } from '../checkout/preload-checkout.js';
import { Note } from '../components/note.js';
import { trpc, type PaymentMethods } from '../trpc.js';
import type { StepProps } from '../wizard/step-props.js';
import { BackButton } from './back-button.js';
import { BookingSummary } from './booking-summary.js';
import { useConfirmBooking } from './use-confirm-booking.js';

/** Step 5: how to pay (only what the clinic offers), the summary, and Confirm. */
export function PaymentStep({ state, dispatch }: StepProps) {
  const services = trpc.catalogue.services.useQuery();
  const doctors = trpc.catalogue.doctors.useQuery({ serviceId: state.serviceId ?? '' });
  const clinic = trpc.catalogue.clinic.useQuery();
  const methods = trpc.catalogue.paymentMethods.useQuery(undefined, { staleTime: 0 });

  const failed = [services, doctors, clinic, methods].find((q) => q.isError);
  if (failed) {
    return (
      <ErrorMessage
        title="We couldn't load the payment options."
        onRetry={() => void failed.refetch()}
      >
        Check your internet connection and try again. Nothing has been booked yet.
      </ErrorMessage>
    );
  }
  if (!services.data || !doctors.data || !clinic.data || !methods.data) return <PaymentSkeleton />;

  const service = services.data.find((s) => s.id === state.serviceId);
  if (!service || !state.slot || !state.patient) {
    return (
      <ErrorMessage
        title="This service is no longer offered online."
        onRetry={() => dispatch({ type: 'restart' })}
        retryLabel="Start again"
      >
        Please choose another service.
      </ErrorMessage>
    );
  }
  const summary = (
    <>
      <BookingSummary
        service={service}
        doctorName={
          doctors.data.find((d) => d.id === state.doctorId)?.name ?? 'Any available doctor'
        }
        startsAt={state.slot.startsAt}
        timeZone={clinic.data.timeZone}
      />
      {/* The policy this booking will keep, read before paying. */}
      <p className="text-sm text-slate-700" data-testid="cancellation-policy">
        <span className="font-semibold">Cancellation policy:</span> {service.cancellationPolicy}
      </p>
    </>
  );
  if (state.checkout && methods.data.stripe) {
    return (
      <div className="grid gap-6">
        {state.notice ? <Note tone="warning">{state.notice}</Note> : null}
        <Suspense fallback={<CheckoutSkeleton />}>
          <CheckoutStep
            checkout={state.checkout}
            stripeJsUrl={methods.data.stripe.stripeJsUrl}
            timeZone={clinic.data.timeZone}
            onLeave={() => dispatch({ type: 'leaveCheckout' })}
          />
        </Suspense>
        {summary}
      </div>
    );
  }
  return (
    <PaymentChoice
      state={state}
      dispatch={dispatch}
      free={service.price.amount === 0}
      methods={methods.data}
      summary={summary}
      timeZone={clinic.data.timeZone}
    />
  );
}

interface PaymentChoiceProps extends StepProps {
  free: boolean;
  methods: PaymentMethods;
  summary: ReactNode;
  timeZone: string;
}

function PaymentChoice({ state, dispatch, free, methods, summary }: PaymentChoiceProps) {
  const offered: PaymentMethodChoice[] = [
    ...(methods.stripe ? (['stripe'] as const) : []),
    ...(methods.payAtClinic ? (['pay_at_clinic'] as const) : []),
  ];
  const method =
    state.paymentMethod && offered.includes(state.paymentMethod)
      ? state.paymentMethod
      : (offered[0] ?? null);
  const { submit, isPending, error, errorRef } = useConfirmBooking(state, dispatch, methods);

  // Card chosen: fetch the checkout's code and Stripe.js now (both cached), not after Confirm.
  useEffect(() => {
    if (method === 'stripe' && methods.stripe) preloadCheckout(methods.stripe);
  }, [method, methods.stripe]);

  const back = (
    <BackButton onPress={() => dispatch({ type: 'goTo', step: 'details' })}>
      Back to your details
    </BackButton>
  );
  if (!free && offered.length === 0) {
    return (
      <div className="grid gap-6">
        {summary}
        <ErrorMessage
          title={
            methods.cardUnavailable
              ? 'Card payment is unavailable right now.'
              : 'Online payment is not available right now.'
          }
        >
          Please call the clinic to book this appointment. Nothing has been booked.
        </ErrorMessage>
        <div>{back}</div>
      </div>
    );
  }
  return (
    <form
      className="grid gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(free ? 'pay_at_clinic' : method);
      }}
    >
      {!free && methods.cardUnavailable ? (
        <p className="text-slate-700">
          Card payment is unavailable right now; you can book and pay at the clinic.
        </p>
      ) : null}
      {free ? (
        <p className="text-slate-700">This service is free: there is nothing to pay.</p>
      ) : (
        <RadioGroup
          label="How would you like to pay?"
          value={method}
          onChange={(value) =>
            dispatch({ type: 'choosePayment', method: value as PaymentMethodChoice })
          }
        >
          {methods.stripe ? (
            <Radio value="stripe" description="Pay by card now, securely on this page.">
              Stripe
            </Radio>
          ) : null}
          {methods.payAtClinic ? (
            <Radio
              value="pay_at_clinic"
              description="Your time is booked now; pay when you arrive."
            >
              Pay at clinic
            </Radio>
          ) : null}
        </RadioGroup>
      )}
      {summary}
      {error ? (
        <div
          ref={errorRef}
          tabIndex={-1}
          role="alert"
          className="rounded-xl border border-red-200 bg-red-50 p-4 text-red-900 outline-none"
        >
          <p className="font-semibold">{error.title}</p>
          <p className="mt-1 text-sm text-red-800">{error.message}</p>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <BusyButton type="submit" isBusy={isPending} busyLabel="Booking…">
          {method === 'stripe' && !free ? 'Confirm and pay' : 'Confirm booking'}
        </BusyButton>
        {back}
      </div>
    </form>
  );
}

function PaymentSkeleton() {
  return (
    <LoadingRegion label="Loading payment options…">
      <div className="grid gap-3">
        <Skeleton className="h-20 w-full rounded-xl" />
        <Skeleton className="h-20 w-full rounded-xl" />
        <Skeleton className="h-44 w-full rounded-xl" />
      </div>
    </LoadingRegion>
  );
}

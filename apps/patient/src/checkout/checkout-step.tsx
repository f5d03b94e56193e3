import { ErrorMessage } from '@clinicpay/ui';
import { BusyButton } from '@clinicpay/ui';
import { EmbeddedCheckout, EmbeddedCheckoutProvider } from '@stripe/react-stripe-js';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { messageOf } from '../api-errors.js';
import { formatClockTime } from '../clinic-time.js';
import { trpc } from '../trpc.js';
import { clearSavedWizard } from '../wizard/use-wizard.js';
import type { PendingCheckout } from '../wizard/wizard-state.js';
import { getStripe } from '@clinicpay/ui/load-stripe';

/** Starts loading Stripe.js before Confirm (see preload-checkout.ts). */
export function preloadStripe(scriptUrl: string | null, publishableKey: string): void {
  getStripe(scriptUrl, publishableKey).catch(() => undefined);
}

/** How often the status is read while the card form is open (each read also asks Stripe). */
export const STATUS_POLL_MS = 3000;

export interface CheckoutStepProps {
  checkout: PendingCheckout;
  stripeJsUrl: string | null;
  timeZone: string;
  /** The booking was cancelled to pay another way: back to the payment choice. Without it, not offered. */
  onLeave?: (() => void) | undefined;
  /**
   * The form is done with (paid, cancelled, or decided on the server). By default the result
   * page opens; the result page itself, where the form can open too, reads the booking again.
   */
  onResult?: (() => void) | undefined;
}

/**
 * Stripe Embedded Checkout in the page, with the hold's end shown. While it is open the booking's
 * status is polled, so a decision taken on the server (a decline, a lapsed hold, a payment that
 * landed by webhook) replaces the form with the result at once.
 */
export function CheckoutStep({
  checkout,
  stripeJsUrl,
  timeZone,
  onLeave,
  onResult,
}: CheckoutStepProps) {
  const navigate = useNavigate();
  const { reference, token } = checkout;
  const resultUrl = `/booking/${reference}?token=${encodeURIComponent(token)}`;

  const [attempt, setAttempt] = useState(0);
  const [loadFailed, setLoadFailed] = useState(false);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `attempt` makes "Try again" load anew
  const stripePromise = useMemo(
    () => getStripe(stripeJsUrl, checkout.publishableKey),
    [stripeJsUrl, checkout.publishableKey, attempt],
  );
  useEffect(() => {
    let current = true;
    stripePromise.catch(() => {
      if (current) setLoadFailed(true);
    });
    return () => {
      current = false;
    };
  }, [stripePromise]);

  const showResult = useCallback(() => {
    clearSavedWizard();
    if (onResult) onResult();
    else void navigate(resultUrl);
  }, [navigate, resultUrl, onResult]);
  // Memoised once per session: react-stripe-js refuses options that change (onComplete included).
  const options = useMemo(
    () => ({
      fetchClientSecret: () => Promise.resolve(checkout.clientSecret),
      onComplete: showResult,
    }),
    [checkout.clientSecret, showResult],
  );

  const status = trpc.booking.status.useQuery(
    { reference, token },
    {
      // While Stripe is limiting requests the API says to ask less often.
      refetchInterval: (query) => query.state.data?.pollAfterMs ?? STATUS_POLL_MS,
      staleTime: 0,
      retry: false,
    },
  );
  const settled = status.data && status.data.status !== 'pending_payment';
  useEffect(() => {
    if (settled) showResult();
  }, [settled, showResult]);

  const cancel = trpc.booking.cancel.useMutation();
  const cancelThen = (next: () => void) => {
    if (!cancel.isPending) cancel.mutate({ reference, token }, { onSuccess: next });
  };

  const holdUntil = checkout.holdExpiresAt
    ? formatClockTime(checkout.holdExpiresAt, timeZone)
    : null;
  return (
    <div className="grid gap-4">
      {holdUntil ? (
        <p className="rounded-xl border border-brand-100 bg-brand-50 p-4 text-brand-900">
          <span className="font-semibold">We hold this time for you until {holdUntil}.</span> Pay
          before then to confirm it; after that the time is released.
        </p>
      ) : null}
      {loadFailed ? (
        <ErrorMessage
          title="The card form could not load."
          onRetry={() => {
            setLoadFailed(false);
            setAttempt((n) => n + 1);
          }}
        >
          Check your internet connection and try again
          {holdUntil ? `; your time stays held until ${holdUntil}` : ''}.
        </ErrorMessage>
      ) : (
        <div className="min-h-[560px]">
          <EmbeddedCheckoutProvider key={attempt} stripe={stripePromise} options={options}>
            <EmbeddedCheckout id="checkout" />
          </EmbeddedCheckoutProvider>
        </div>
      )}
      {cancel.isError ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {messageOf(cancel.error)}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {onLeave ? (
          <BusyButton
            variant="secondary"
            isBusy={cancel.isPending}
            busyLabel="Cancelling…"
            onPress={() => cancelThen(onLeave)}
          >
            Pay another way
          </BusyButton>
        ) : null}
        <BusyButton
          variant="secondary"
          isBusy={cancel.isPending}
          busyLabel="Cancelling…"
          onPress={() => cancelThen(showResult)}
        >
          Cancel this booking
        </BusyButton>
      </div>
    </div>
  );
}

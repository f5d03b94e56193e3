import type { PaymentMethodChoice } from '@clinicpay/contracts';
import { useEffect, useRef, useState, type Dispatch } from 'react';
import { useNavigate } from 'react-router';
import { appCodeOf, fieldErrorsOf, messageOf } from '../api-errors.js';
import { rememberBooking } from '../booking-memory.js';
import { trpc, type CreateBookingRequest, type PaymentMethods } from '../trpc.js';
import { clearSavedWizard } from '../wizard/use-wizard.js';
import { takeBookingChallenge } from './booking-challenge.js';
import type { WizardAction, WizardState } from '../wizard/wizard-state.js';

const TIME_GONE = new Set(['slot_taken', 'slot_unavailable', 'slot_in_past', 'slot_too_far_ahead']);
const CARD_UNAVAILABLE = new Set(['card_payment_unavailable', 'amount_not_accepted']);

export interface ConfirmError {
  title: string;
  message: string;
}

/**
 * Confirm: creates the booking once (a second press while it runs does nothing), then opens the
 * card form, or the confirmation; each refusal leads where the patient can act on it.
 */
export function useConfirmBooking(
  state: WizardState,
  dispatch: Dispatch<WizardAction>,
  methods: PaymentMethods,
) {
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const create = trpc.booking.create.useMutation();
  const inFlight = useRef(false);
  const [error, setError] = useState<ConfirmError | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  async function submit(method: PaymentMethodChoice | null) {
    if (inFlight.current || !method || !state.serviceId || !state.slot || !state.patient) return;
    inFlight.current = true;
    setError(null);
    const challenge = await takeBookingChallenge(() => utils.booking.challenge.fetch());
    const request: CreateBookingRequest = {
      serviceId: state.serviceId,
      doctorId: state.doctorId ?? 'any',
      startsAt: state.slot.startsAt,
      patient: state.patient,
      paymentMethod: method,
    };
    // The solution books once: the request remembered for "Book again" goes without it.
    create.mutate(challenge ? { ...request, challenge } : request, {
      onSettled: () => {
        inFlight.current = false;
      },
      onSuccess: (booking) => {
        rememberBooking(booking.reference, { token: booking.token, request });
        void utils.catalogue.availability.invalidate();
        if (booking.checkout) {
          dispatch({
            type: 'startCheckout',
            checkout: {
              reference: booking.reference,
              token: booking.token,
              clientSecret: booking.checkout.clientSecret,
              publishableKey: booking.checkout.publishableKey,
              holdExpiresAt: booking.holdExpiresAt,
            },
          });
          return;
        }
        clearSavedWizard();
        void navigate(`/booking/${booking.reference}?token=${encodeURIComponent(booking.token)}`);
      },
      onError: (cause) => {
        const code = appCodeOf(cause);
        if (code && TIME_GONE.has(code)) {
          void utils.catalogue.availability.invalidate();
          dispatch({ type: 'slotTaken', message: messageOf(cause) });
        } else if (code && CARD_UNAVAILABLE.has(code)) {
          void utils.catalogue.paymentMethods.invalidate();
          if (methods.payAtClinic) dispatch({ type: 'choosePayment', method: 'pay_at_clinic' });
          setError({
            title: 'Card payment is not available right now.',
            message: methods.payAtClinic
              ? 'Nothing was booked. We have selected Pay at clinic for you: confirm to book this time and pay when you arrive.'
              : messageOf(cause),
          });
        } else if (Object.keys(fieldErrorsOf(cause)).some((path) => path.startsWith('patient.'))) {
          dispatch({ type: 'detailsRefused', fieldErrors: fieldErrorsOf(cause) });
        } else {
          if (code === 'payment_method_unavailable')
            void utils.catalogue.paymentMethods.invalidate();
          setError({ title: 'We could not book this time.', message: messageOf(cause) });
        }
      },
    });
  }

  return { submit, isPending: create.isPending, error, errorRef };
}

import { toLocal } from '@clinicpay/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { appCodeOf, messageOf } from '../api-errors.js';
import { rememberBooking } from '../booking-memory.js';
import { trpc, type BookingStatus, type CreateBookingRequest } from '../trpc.js';
import { saveWizardForCheckout } from '../wizard/use-wizard.js';
import { takeBookingChallenge } from '../steps/booking-challenge.js';
import { initialWizardState, type WizardState } from '../wizard/wizard-state.js';

/** The wizard as it was for this booking, opened at `step`. */
export function wizardFor(
  booking: BookingStatus,
  request: CreateBookingRequest,
  step: WizardState['step'],
): WizardState {
  return {
    ...initialWizardState,
    step,
    serviceId: request.serviceId,
    doctorId: request.doctorId,
    date: toLocal(new Date(booking.startsAt), booking.clinic.timeZone).date,
    slot: step === 'time' ? null : { startsAt: booking.startsAt, endsAt: booking.endsAt },
    patient: request.patient,
    paymentMethod: request.paymentMethod,
  };
}

/**
 * "Book this time again", one click: the same request as before makes a new booking; a card
 * payment opens the card form in the wizard, pay at clinic goes straight to its confirmation.
 */
export function useRebook(booking: BookingStatus, request: CreateBookingRequest | null) {
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const create = trpc.booking.create.useMutation();
  const [problem, setProblem] = useState<{ message: string; timeGone: boolean } | null>(null);

  async function rebook() {
    if (!request || create.isPending) return;
    setProblem(null);
    const challenge = await takeBookingChallenge(() => utils.booking.challenge.fetch());
    create.mutate(challenge ? { ...request, challenge } : request, {
      onSuccess: (created) => {
        rememberBooking(created.reference, { token: created.token, request });
        if (!created.checkout) {
          void navigate(`/booking/${created.reference}?token=${encodeURIComponent(created.token)}`);
          return;
        }
        const wizard: WizardState = {
          ...wizardFor(booking, request, 'payment'),
          checkout: {
            reference: created.reference,
            token: created.token,
            clientSecret: created.checkout.clientSecret,
            publishableKey: created.checkout.publishableKey,
            holdExpiresAt: created.holdExpiresAt,
          },
        };
        saveWizardForCheckout(wizard);
        void navigate('/', { state: { wizard } });
      },
      onError: (cause) => {
        void utils.catalogue.availability.invalidate();
        setProblem({
          message: messageOf(cause),
          timeGone: appCodeOf(cause)?.startsWith('slot_') ?? false,
        });
      },
    });
  }

  return { rebook, isPending: create.isPending, problem };
}

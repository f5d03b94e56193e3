import { minimumChargeFor, type CreateBookingInput } from '@clinicpay/contracts';
import {
  attachCheckoutSession,
  findBookableService,
  findClinic,
  isPayAtClinicEnabled,
  SlotTakenError,
  UniqueViolationError,
} from '@clinicpay/db';
import { SESSION_ID_PLACEHOLDER, type CreatedCheckoutSession } from '@clinicpay/payments';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../../deps.js';
import { activeStripeKeys, loadStripeSettings } from '../gateways/stripe-settings.js';
import { clientNetwork } from '../../security/client-network.js';
import { sealAccessToken } from '../mail/booking-link.js';
import { policyForNewBooking } from '../policies/policy-snapshot.js';
import { assertChallengeSolved } from './booking-challenge.service.js';
import { newAccessToken, newBookingReference } from './booking-secrets.js';
import { candidateDoctors } from './candidate-doctors.js';
import { NoLongerOfferedError } from './still-bookable.js';
import { cancelUnstartedCheckout, insertBooking, type PlannedBooking } from './booking-writes.js';

export interface CreatedBooking {
  reference: string;
  /** The secret of the status link: shown once, stored only as a hash. */
  token: string;
  status: 'pending_payment' | 'confirmed';
  paymentMethod: 'stripe' | 'pay_at_clinic' | 'free';
  startsAt: string;
  holdExpiresAt: string | null;
  checkout: { clientSecret: string; publishableKey: string } | null;
}

/**
 * Books a time (docs/architecture.md, "A booking through Stripe Checkout"): one transaction holds
 * the slot and records the patient and payment, the database deciding races; then, outside any
 * transaction, the checkout session is created; then it is attached. The amount comes from the
 * service's price.
 */
export async function createBooking(
  deps: AppDeps,
  input: CreateBookingInput,
  origin: { clientAddress: string | undefined } = { clientAddress: undefined },
): Promise<CreatedBooking> {
  const now = deps.clock.now();
  const clinic = await findClinic(deps.db);
  const service = await findBookableService(deps.db, input.serviceId);
  if (!clinic || !service || service.clinic_id !== clinic.id) {
    throw new AppError(
      'service_not_found',
      'This service is not offered any more; please choose another.',
    );
  }
  await assertChallengeSolved(deps, clinic, input.challenge);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(startsAt.getTime() + service.duration_minutes * 60_000);
  const doctorIds = await candidateDoctors(
    deps,
    input,
    service.id,
    startsAt,
    endsAt,
    service.time_zone,
    now,
  );

  const payment = await choosePayment(
    deps,
    clinic.id,
    input.paymentMethod,
    service.price_amount,
    service.price_currency,
  );
  const { token, hash } = newAccessToken();
  const holdExpiresAt =
    payment.method === 'stripe' ? new Date(now.getTime() + deps.config.holdMinutes * 60_000) : null;
  const planned: Omit<PlannedBooking, 'doctorId' | 'reference'> = {
    serviceId: service.id,
    startsAt,
    endsAt,
    patient: input.patient,
    accessTokenHash: hash,
    accessTokenSealed: sealAccessToken(deps.secretBox, token),
    holdExpiresAt,
    payment,
    policy: await policyForNewBooking(deps.db, service.id),
    timeZone: service.time_zone,
    now,
    client: {
      address: origin.clientAddress ?? null,
      network: origin.clientAddress ? clientNetwork(origin.clientAddress) : null,
    },
    contactCap: { max: clinic.max_open_bookings_per_contact, clinicPhone: clinic.contact_phone },
  };

  const booked = await holdFirstFreeDoctor(deps, doctorIds, planned);
  if (payment.method !== 'stripe') {
    return { ...summary(booked.reference, token, planned), status: 'confirmed', checkout: null };
  }

  let session: CreatedCheckoutSession;
  try {
    session = await deps.stripeGatewayFor(payment.secretKey).createCheckoutSession({
      paymentId: booked.paymentId!,
      bookingReference: booked.reference,
      amount: payment.amount,
      currency: payment.currency,
      clinicName: clinic.name,
      returnUrl: `${deps.config.publicUrl}/booking/${booked.reference}?session_id=${SESSION_ID_PLACEHOLDER}`,
      expiresAt: holdExpiresAt!,
      customerEmail: input.patient.email,
    });
  } catch (error) {
    deps.logger.error(
      { err: error, reference: booked.reference },
      'checkout session could not be created',
    );
    await cancelUnstartedCheckout(deps.db, booked, deps.clock.now());
    throw new AppError(
      'card_payment_unavailable',
      'Card payment is not available right now, so this time was not booked. Please choose Pay at clinic, or try again in a few minutes.',
      { cause: error },
    );
  }
  await attachCheckoutSession(deps.db, booked.paymentId!, session.id);
  return {
    ...summary(booked.reference, token, planned),
    status: 'pending_payment',
    checkout: { clientSecret: session.clientSecret, publishableKey: payment.publishableKey },
  };
}

function summary(
  reference: string,
  token: string,
  planned: Omit<PlannedBooking, 'doctorId' | 'reference'>,
) {
  return {
    reference,
    token,
    paymentMethod: planned.payment.method,
    startsAt: planned.startsAt.toISOString(),
    holdExpiresAt: planned.holdExpiresAt?.toISOString() ?? null,
  };
}

export type ChosenPayment =
  | { method: 'free'; amount: 0; currency: string }
  | { method: 'pay_at_clinic'; amount: number; currency: string }
  | {
      method: 'stripe';
      amount: number;
      currency: string;
      mode: 'test' | 'live';
      secretKey: string;
      publishableKey: string;
    };

async function choosePayment(
  deps: AppDeps,
  clinicId: string,
  requested: CreateBookingInput['paymentMethod'],
  amount: number,
  currency: string,
): Promise<ChosenPayment> {
  // A free service skips payment whatever was chosen.
  if (amount === 0) return { method: 'free', amount: 0, currency };
  if (requested === 'pay_at_clinic') {
    if (!(await isPayAtClinicEnabled(deps.db, clinicId))) {
      throw new AppError(
        'payment_method_unavailable',
        'Paying at the clinic is not offered; please pay by card.',
      );
    }
    return { method: 'pay_at_clinic', amount, currency };
  }
  const settings = await loadStripeSettings(deps, clinicId);
  const keys = activeStripeKeys(settings);
  const fallback = (await isPayAtClinicEnabled(deps.db, clinicId))
    ? ' Please choose Pay at clinic.'
    : ' Please try again later.';
  if (!settings || !keys) {
    throw new AppError(
      'card_payment_unavailable',
      `Card payment is not available right now.${fallback}`,
    );
  }
  if (settings.currency !== currency) {
    deps.logger.error(
      { serviceCurrency: currency, gatewayCurrency: settings.currency },
      'service priced in another currency than Stripe charges',
    );
    throw new AppError(
      'card_payment_unavailable',
      `Card payment is not available for this service.${fallback}`,
    );
  }
  const minimum = minimumChargeFor(currency);
  if (amount < minimum) {
    throw new AppError(
      'amount_not_accepted',
      `This price is below the smallest card payment Stripe accepts.${fallback}`,
    );
  }
  return { method: 'stripe', amount, currency, mode: settings.mode, ...keys };
}

/** Tries each candidate in turn; the exclusion constraint decides, never a read-then-write check. */
async function holdFirstFreeDoctor(
  deps: AppDeps,
  doctorIds: string[],
  planned: Omit<PlannedBooking, 'doctorId' | 'reference'>,
) {
  let noLongerOffered = false;
  for (const doctorId of doctorIds) {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await insertBooking(deps.db, {
          ...planned,
          doctorId,
          reference: newBookingReference(),
        });
      } catch (error) {
        if (error instanceof SlotTakenError) break;
        if (error instanceof NoLongerOfferedError) {
          noLongerOffered = true;
          break;
        }
        // A reference collision (40 random bits) is retried with a new one.
        if (error instanceof UniqueViolationError && error.constraint?.includes('reference'))
          continue;
        throw error;
      }
    }
  }
  if (noLongerOffered && doctorIds.length === 1) {
    throw new AppError(
      'slot_unavailable',
      "The clinic has just changed this doctor's schedule, so this time is no longer offered; please pick one of the times shown.",
    );
  }
  throw new AppError('slot_taken', 'This time was just taken; please pick another.');
}

import type { BookingStatusInput, CancelBookingInput } from '@clinicpay/contracts';
import type { Database, Kysely } from '@clinicpay/db';
import type { CheckoutSessionState, PaymentEffect } from '@clinicpay/payments';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../../trpc.js';
import { runAfterCommit } from '../fulfilment/after-commit.js';
import { applyPaymentEffect } from '../fulfilment/apply-effect.js';
import { releaseHold } from '../fulfilment/release-hold.js';
import { loadStripeSettings } from '../payments/stripe-settings.js';
import { accessTokenMatches } from './booking-secrets.js';

const NOT_FOUND = 'We could not find this booking. Check the link from your booking confirmation.';

async function findBooking(db: Kysely<Database>, reference: string) {
  return db
    .selectFrom('appointments')
    .innerJoin('services', 'services.id', 'appointments.service_id')
    .innerJoin('doctors', 'doctors.id', 'appointments.doctor_id')
    .innerJoin('clinics', 'clinics.id', 'services.clinic_id')
    .leftJoin('payments', 'payments.appointment_id', 'appointments.id')
    .select([
      'appointments.id',
      'appointments.reference',
      'appointments.status',
      'appointments.starts_at',
      'appointments.ends_at',
      'appointments.hold_expires_at',
      'appointments.cancel_reason',
      'appointments.access_token_hash',
      'appointments.payment_method',
      'services.name as service_name',
      'doctors.name as doctor_name',
      'clinics.name as clinic_name',
      'clinics.time_zone',
      'clinics.address as clinic_address',
      'payments.id as payment_id',
      'payments.status as payment_status',
      'payments.mode as payment_mode',
      'payments.amount',
      'payments.currency',
      'payments.amount_refunded',
      'payments.checkout_session_id',
      'payments.failure_code',
      'payments.failure_message',
    ])
    .where('appointments.reference', '=', reference)
    .orderBy('payments.created_at', 'desc')
    .executeTakeFirst();
}

type BookingRow = NonNullable<Awaited<ReturnType<typeof findBooking>>>;

/** The patient may read a booking with its reference plus the link's token, or the return URL's session id. */
async function authorizedBooking(deps: AppDeps, input: { reference: string; token?: string | undefined; sessionId?: string | undefined }) {
  const booking = await findBooking(deps.db, input.reference.toUpperCase());
  const allowed =
    booking &&
    ((input.token !== undefined && accessTokenMatches(input.token, booking.access_token_hash)) ||
      (input.sessionId !== undefined && booking.checkout_session_id === input.sessionId));
  // The same answer for "no such booking" and "wrong secret": references cannot be probed.
  if (!booking || !allowed) throw new AppError('booking_not_found', NOT_FOUND);
  return booking;
}

/**
 * The booking as the patient sees it. While a card payment is pending it asks Stripe for the
 * session and applies what it finds through the same fulfilment as the webhook, so the return
 * page confirms even when the webhook is late.
 */
export async function getBookingStatus(deps: AppDeps, input: BookingStatusInput) {
  let booking = await authorizedBooking(deps, input);
  const due = booking.payment_id ? stripeCheckDue(booking.payment_id, deps.clock.now(), input.sessionId !== undefined) : false;
  if (due && booking.payment_status === 'pending' && booking.checkout_session_id && booking.payment_id) {
    const changed = await reconcileWithStripe(deps, booking);
    if (changed) booking = (await findBooking(deps.db, booking.reference))!;
  }
  return view(booking);
}

/**
 * The page polls every few seconds while a payment is pending; Stripe is asked at most every
 * STRIPE_CHECK_INTERVAL_MS per payment (per process), except on the return page, which always asks.
 * Without this, one open tab would spend the clinic's Stripe rate limit.
 */
const STRIPE_CHECK_INTERVAL_MS = 10_000;
const lastStripeCheck = new Map<string, number>();

function stripeCheckDue(paymentId: string, now: Date, fromReturnPage: boolean): boolean {
  const last = lastStripeCheck.get(paymentId);
  if (!fromReturnPage && last !== undefined && now.getTime() - last < STRIPE_CHECK_INTERVAL_MS) return false;
  if (lastStripeCheck.size > 10_000) lastStripeCheck.clear();
  lastStripeCheck.set(paymentId, now.getTime());
  return true;
}

async function reconcileWithStripe(deps: AppDeps, booking: BookingRow): Promise<boolean> {
  const settings = await loadStripeSettings(deps);
  const secretKey = booking.payment_mode ? settings?.keys[booking.payment_mode].secretKey : null;
  if (!secretKey) return false;
  let session: CheckoutSessionState;
  try {
    session = await deps.stripeGatewayFor(secretKey).retrieveCheckoutSession(booking.checkout_session_id!);
  } catch (error) {
    // Stripe unreachable: the patient still sees the stored state; the webhook will catch up.
    deps.logger.warn({ err: error, reference: booking.reference }, 'status page could not reach Stripe');
    return false;
  }
  const effect = effectOfSession(session, booking.payment_id!);
  if (!effect) return false;
  const result = await deps.db.transaction().execute((trx) =>
    applyPaymentEffect(trx, effect, {
      livemode: session.livemode,
      failurePolicy: settings?.failurePolicy ?? 'cancel',
      cause: { source: 'status_page', at: deps.clock.now(), details: { checkout_session_id: session.id } },
    }),
  );
  await runAfterCommit(deps, result.afterCommit ?? [], settings);
  return result.outcome === 'applied';
}

/** What a retrieved session says has happened, in the webhook's vocabulary. */
export function effectOfSession(session: CheckoutSessionState, paymentId: string): PaymentEffect | null {
  if (session.status === 'complete' && session.paymentStatus === 'paid') {
    if (session.amount === null || !session.currency) return null; // nothing to check it against
    return {
      kind: 'payment_succeeded',
      paymentId,
      paymentIntentId: session.paymentIntentId,
      checkoutSessionId: session.id,
      chargeId: session.paymentIntent?.latestChargeId ?? null,
      amount: session.amount,
      currency: session.currency,
    };
  }
  if (session.status === 'expired') return { kind: 'checkout_expired', paymentId, checkoutSessionId: session.id };
  return null;
}

/** The patient gives up an unpaid booking: the session is expired first, then the time released. */
export async function cancelBooking(deps: AppDeps, input: CancelBookingInput) {
  const booking = await authorizedBooking(deps, input);
  if (booking.status !== 'pending_payment') {
    throw new AppError(
      'booking_not_cancellable',
      booking.status === 'cancelled'
        ? 'This booking is already cancelled.'
        : 'This booking is paid or confirmed; please call the clinic to change it.',
    );
  }
  if (booking.checkout_session_id && booking.payment_mode) {
    const settings = await loadStripeSettings(deps);
    const secretKey = settings?.keys[booking.payment_mode].secretKey;
    if (secretKey) {
      const expired = await deps.stripeGatewayFor(secretKey).expireCheckoutSession(booking.checkout_session_id);
      if (expired.outcome === 'already_complete') {
        // Paid a moment ago: confirm rather than cancel.
        return getBookingStatus(deps, { reference: booking.reference, sessionId: booking.checkout_session_id });
      }
    }
  }
  await deps.db
    .transaction()
    .execute((trx) =>
      releaseHold(trx, { appointmentId: booking.id, paymentId: booking.payment_id }, 'cancelled_by_patient', 'expired', {
        source: 'patient',
        at: deps.clock.now(),
      }),
    );
  return view((await findBooking(deps.db, booking.reference))!);
}

function view(b: BookingRow) {
  return {
    reference: b.reference,
    status: b.status,
    cancelReason: b.cancel_reason,
    serviceName: b.service_name,
    doctorName: b.doctor_name,
    clinic: { name: b.clinic_name, address: b.clinic_address, timeZone: b.time_zone },
    startsAt: b.starts_at.toISOString(),
    endsAt: b.ends_at.toISOString(),
    holdExpiresAt: b.status === 'pending_payment' ? (b.hold_expires_at?.toISOString() ?? null) : null,
    paymentMethod: b.payment_method,
    payment: b.payment_status
      ? {
          status: b.payment_status,
          amount: b.amount!,
          currency: b.currency!,
          amountRefunded: b.amount_refunded ?? 0,
          failureCode: b.failure_code,
          failureMessage: b.failure_message,
        }
      : null,
  };
}

// One booking's journey in the chaos run: a patient books through a replica, then pays, fails,
// lets it lapse, or pays and is refunded, by Stripe's hand (the emulator's control API) and the admin's.
import type { Kysely } from 'kysely';
import type { Database } from '@clinicpay/db';
import { TEST_CARDS, type RunningEmulator } from '@clinicpay/stripe-emulator';
import { failureOf, type ApiClient } from '../support/api-client.js';
import type { Slot } from '../support/proof-clinic.js';
import { GENERAL_CONSULTATION } from '../support/proof-clinic.js';
import type { Outcome } from './outcomes.js';
import type { ReplicaPool } from './replica-pool.js';

export interface JourneyRecord {
  index: number;
  outcome: Outcome;
  slot: Slot;
  reference: string | null;
  sessionId: string | null;
  /** Why booking.create did not answer with a booking (after the patient's retries). */
  createFailure: string | null;
  /** A released time that could not be booked again: the slot was not released. */
  rebookRefused: boolean;
  adminRefund: { idempotencyKey: string; amount: number | null; answer: string } | null;
  adminCancel: string | null;
}

export interface JourneyDeps {
  pool: ReplicaPool;
  stripe: RunningEmulator;
  admin: ApiClient;
  db: Kysely<Database>;
  random: () => number;
  /** Times freed by declines and lapses, for `rebook_released`. */
  released: Slot[];
}

const PATIENT = { name: 'Proof Patient', email: 'patient@proof.test', phone: '+1 212 555 0100' };

export async function runJourney(
  deps: JourneyDeps,
  index: number,
  outcome: Outcome,
  freshSlot: Slot,
): Promise<JourneyRecord> {
  const reusable = outcome === 'rebook_released' ? deps.released.shift() : undefined;
  const slot = reusable ?? freshSlot;
  const record: JourneyRecord = {
    index,
    outcome,
    slot,
    reference: null,
    sessionId: null,
    createFailure: null,
    rebookRefused: false,
    adminRefund: null,
    adminCancel: null,
  };
  const created = await createBooking(deps.pool, slot);
  if ('failure' in created) {
    record.createFailure = created.failure;
    // A released time must be bookable again; `slot_taken` there means it never was released.
    record.rebookRefused =
      reusable !== undefined && created.failure === 'slot_taken' && created.attempts === 1;
    return record;
  }
  record.reference = created.reference;
  record.sessionId = created.sessionId;
  const control = deps.stripe.control;
  const sessionId = created.sessionId;

  switch (outcome) {
    case 'pay':
    case 'rebook_released':
      control.paySession(sessionId);
      break;
    case 'three_ds_pass':
    case 'three_ds_fail': {
      const attempt = control.paySession(sessionId, TEST_CARDS.requiresAuthentication);
      control.completeAuthentication(
        attempt.paymentIntent.id,
        outcome === 'three_ds_pass' ? 'succeed' : 'fail',
      );
      if (outcome === 'three_ds_fail') await releaseWhenCancelled(deps, record);
      break;
    }
    case 'decline':
      control.declineSession(sessionId);
      await releaseWhenCancelled(deps, record);
      break;
    case 'decline_then_pay':
      control.declineSession(sessionId);
      // The second tab: succeeds only if Clinicpay has not yet expired the session.
      tryAtStripe(() => control.paySession(sessionId));
      break;
    case 'lapse':
      control.expireSession(sessionId);
      await releaseWhenCancelled(deps, record);
      break;
    case 'refund_dashboard': {
      const paid = control.paySession(sessionId);
      const partial = deps.random() < 0.5;
      control.refund(paid.paymentIntent.id, partial ? { amount: 1500 } : {});
      break;
    }
    case 'refund_admin_full':
    case 'refund_admin_partial': {
      control.paySession(sessionId);
      const amount = outcome === 'refund_admin_partial' ? 2500 : null;
      record.adminRefund = await refundFromAdmin(deps, created.reference, amount, index);
      break;
    }
    case 'admin_cancel_refund':
    case 'admin_cancel_keep':
      control.paySession(sessionId);
      record.adminCancel = await cancelFromAdmin(
        deps,
        created.reference,
        outcome === 'admin_cancel_refund',
      );
      break;
  }
  return record;
}

/** booking.create as a patient's browser would: a failed request is tried again, up to 3 times. */
type CreateAnswer =
  { reference: string; sessionId: string } | { failure: string; attempts: number };

async function createBooking(pool: ReplicaPool, slot: Slot): Promise<CreateAnswer> {
  let failure = 'unknown';
  for (let attempt = 1; attempt <= 3; attempt++) {
    const { client } = pool.pick();
    try {
      const booking = await client.booking.create.mutate({
        serviceId: GENERAL_CONSULTATION,
        doctorId: slot.doctorId,
        startsAt: slot.startsAt,
        patient: PATIENT,
        paymentMethod: 'stripe',
      });
      const clientSecret = booking.checkout?.clientSecret ?? '';
      return { reference: booking.reference, sessionId: clientSecret.split('_secret_')[0] ?? '' };
    } catch (error) {
      const why = failureOf(error);
      failure = why.code;
      if (why.kind === 'refused') return { failure, attempts: attempt };
      await sleep(300 * attempt);
    }
  }
  return { failure, attempts: 3 };
}

/** Waits until Clinicpay has cancelled the booking, then offers its time to a later patient. */
async function releaseWhenCancelled(deps: JourneyDeps, record: JourneyRecord): Promise<void> {
  const status = await waitForStatus(
    deps.db,
    record.reference!,
    (s) => s.appointment === 'cancelled',
    30_000,
  );
  if (status) deps.released.push(record.slot);
}

async function refundFromAdmin(
  deps: JourneyDeps,
  reference: string,
  amount: number | null,
  index: number,
) {
  const idempotencyKey = `proof-refund-${index}-${reference}`;
  const paid = await waitForStatus(deps.db, reference, (s) => s.payment === 'completed', 30_000);
  if (!paid) return { idempotencyKey, amount, answer: 'never completed' };
  let answer = 'unknown';
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      await deps.admin.admin.transactions.refund.mutate({
        paymentId: paid.paymentId,
        ...(amount === null ? {} : { amount }),
        reason: 'Proof run: the patient asked for a refund',
        idempotencyKey,
      });
      return { idempotencyKey, amount, answer: 'ok' };
    } catch (error) {
      const why = failureOf(error);
      answer = why.code;
      // The admin clicks again (same dialog, same key) when the answer did not arrive.
      if (why.kind === 'refused') return { idempotencyKey, amount, answer };
      await sleep(500 * attempt);
    }
  }
  return { idempotencyKey, amount, answer };
}

/** The clinic cancels a paid appointment, refunding it or keeping the money with a reason. */
async function cancelFromAdmin(
  deps: JourneyDeps,
  reference: string,
  refund: boolean,
): Promise<string> {
  const paid = await waitForStatus(deps.db, reference, (s) => s.payment === 'completed', 30_000);
  if (!paid) return 'never completed';
  let answer = 'unknown';
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      await deps.admin.admin.appointments.cancel.mutate({
        appointmentId: paid.appointmentId,
        refund: refund ? 'full' : 'none',
        ...(refund ? {} : { reason: 'Proof run: the patient did not give 24 hours notice' }),
      });
      return 'ok';
    } catch (error) {
      const why = failureOf(error);
      answer = why.code;
      // A repeated click after a lost answer finds it already cancelled: that is the first one's success.
      if (why.kind === 'refused')
        return attempt > 1 && answer === 'transition_not_allowed' ? 'ok' : answer;
      await sleep(500 * attempt);
    }
  }
  return answer;
}

interface BookingState {
  appointmentId: string;
  paymentId: string;
  payment: string;
  appointment: string;
}

export async function waitForStatus(
  db: Kysely<Database>,
  reference: string,
  done: (state: BookingState) => boolean,
  timeoutMs: number,
): Promise<BookingState | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = await db
      .selectFrom('payments')
      .innerJoin('appointments', 'appointments.id', 'payments.appointment_id')
      .select([
        'appointments.id as appointmentId',
        'payments.id as paymentId',
        'payments.status as payment',
        'appointments.status as appointment',
      ])
      .where('appointments.reference', '=', reference)
      .executeTakeFirst()
      // PostgreSQL may be restarting: ask again.
      .catch(() => undefined);
    if (state && done(state)) return state;
    await sleep(200);
  }
  return null;
}

function tryAtStripe(action: () => unknown): void {
  try {
    action();
  } catch {
    // Stripe refused (the session was expired meanwhile): what the patient's second tab would see.
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

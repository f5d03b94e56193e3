// The oracle: what Stripe (the emulator) recorded as having happened, against what Clinicpay's
// database says. Every disagreement is listed by booking, so a failure says where to look.
import type Stripe from 'stripe';
import type { Kysely } from 'kysely';
import { activeAppointmentStatuses, sql, type Database } from '@clinicpay/db';
import type { ObjectsSnapshot } from '@clinicpay/stripe-emulator';
import type { JourneyRecord } from './journeys.js';

export interface OracleReport {
  checkedPayments: number;
  lostEffects: string[];
  doubleEffects: string[];
  disagreeingAppointments: string[];
  overlaps: number;
  moneyWithoutBooking: string[];
  /** Money kept on a cancelled booking because an admin decided so and wrote why (allowed). */
  adminDecisions: number;
  releasedNotRebookable: number;
  counts: Record<string, number>;
}

const SETTLED = ['completed', 'partially_refunded', 'refunded'];
const ACTIVE: readonly string[] = activeAppointmentStatuses;

export async function compareWithStripe(
  db: Kysely<Database>,
  stripe: ObjectsSnapshot,
  journeys: JourneyRecord[],
): Promise<OracleReport> {
  const payments = await db
    .selectFrom('payments')
    .innerJoin('appointments', 'appointments.id', 'payments.appointment_id')
    .select([
      'payments.id',
      'payments.status',
      'payments.amount',
      'payments.amount_refunded',
      'payments.checkout_session_id',
      'payments.payment_intent_id',
      'payments.flagged_reason',
      'appointments.id as appointment_id',
      'appointments.reference',
      'appointments.status as appointment_status',
      'appointments.cancel_reason',
    ])
    .where('payments.gateway', '=', 'stripe')
    .execute();
  const refunds = await db
    .selectFrom('refunds')
    .select([
      'id',
      'payment_id',
      'amount',
      'status',
      'stripe_refund_id',
      'idempotency_key',
      'requested_by',
    ])
    .execute();
  const completions = await db
    .selectFrom('payment_events')
    .select(['payment_id', sql<number>`count(*)::int`.as('n')])
    .where('to_status', '=', 'completed')
    .where('from_status', '=', 'pending')
    .groupBy('payment_id')
    .execute();
  const confirmations = await db
    .selectFrom('appointment_events')
    .select(['appointment_id', sql<number>`count(*)::int`.as('n')])
    .where('to_status', '=', 'confirmed')
    .groupBy('appointment_id')
    .execute();

  const keptByAdmin = new Set(
    (
      await db
        .selectFrom('payment_events')
        .select('payment_id')
        .where('reason', 'like', 'kept_by_admin:%')
        .execute()
    ).map((r) => r.payment_id),
  );
  const byId = new Map(payments.map((p) => [p.id, p]));
  const intents = new Map(stripe.paymentIntents.map((pi) => [pi.id, pi]));
  const charges = new Map(stripe.charges.map((c) => [c.id, c]));
  const stripeRefundsByCharge = groupBy(stripe.refunds, (r) =>
    typeof r.charge === 'string' ? r.charge : (r.charge?.id ?? ''),
  );
  const lost: string[] = [];
  const doubled: string[] = [];
  const disagreeing: string[] = [];
  const moneyWithoutBooking: string[] = [];
  let adminDecisions = 0;
  const counts: Record<string, number> = {};
  const count = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);

  for (const session of stripe.checkoutSessions) {
    const paymentId = session.metadata?.payment_id;
    const payment = paymentId ? byId.get(paymentId) : undefined;
    if (!payment) {
      lost.push(
        `session ${session.id}: no payment ${paymentId ?? '(no metadata)'} in the database`,
      );
      continue;
    }
    const intent =
      typeof session.payment_intent === 'string' ? intents.get(session.payment_intent) : undefined;
    const charge =
      intent && typeof intent.latest_charge === 'string'
        ? charges.get(intent.latest_charge)
        : undefined;
    const where = `${payment.reference} (${session.id})`;

    if (intent?.status === 'succeeded' && charge) {
      count('paid at Stripe');
      const refundedAtStripe = charge.amount_refunded;
      if (!SETTLED.includes(payment.status))
        lost.push(`${where}: paid at Stripe, ${payment.status} here`);
      if (payment.amount_refunded < refundedAtStripe)
        lost.push(
          `${where}: ${refundedAtStripe} refunded at Stripe, ${payment.amount_refunded} here`,
        );
      if (payment.amount_refunded > refundedAtStripe)
        doubled.push(
          `${where}: ${payment.amount_refunded} refunded here, only ${refundedAtStripe} at Stripe`,
        );
      if (refundedAtStripe > 0) count('refunded at Stripe');
      checkRefundRows(
        where,
        payment.id,
        stripeRefundsByCharge.get(charge.id) ?? [],
        refunds,
        lost,
        doubled,
      );

      const kept = charge.amount - refundedAtStripe;
      if (kept > 0 && !ACTIVE.includes(payment.appointment_status)) {
        if (keptByAdmin.has(payment.id)) adminDecisions++;
        else
          moneyWithoutBooking.push(
            `${where}: ${kept} kept, appointment ${payment.appointment_status}`,
          );
      }
    } else {
      // Never paid: Stripe expired the session, or it is still open (a patient may yet pay).
      if (session.status === 'expired') {
        count('expired at Stripe');
        if (payment.status === 'pending')
          lost.push(`${where}: expired at Stripe, still pending here`);
      }
      if (intent?.last_payment_error) count('declined at Stripe');
      if (SETTLED.includes(payment.status))
        doubled.push(`${where}: never paid at Stripe, ${payment.status} here`);
    }

    // The appointment follows its payment (docs/architecture.md, state machines), unless the
    // clinic cancelled it.
    const clinicCancelled = payment.cancel_reason === 'cancelled_by_clinic';
    if (
      SETTLED.includes(payment.status) &&
      !payment.flagged_reason &&
      !clinicCancelled &&
      !ACTIVE.includes(payment.appointment_status)
    ) {
      disagreeing.push(
        `${where}: payment ${payment.status}, appointment ${payment.appointment_status}`,
      );
    }
    if (
      ['failed', 'expired'].includes(payment.status) &&
      payment.appointment_status !== 'cancelled'
    ) {
      disagreeing.push(
        `${where}: payment ${payment.status}, appointment ${payment.appointment_status}`,
      );
    }
  }

  for (const row of completions)
    if (row.n > 1) doubled.push(`payment ${row.payment_id}: completed ${row.n} times`);
  for (const row of confirmations)
    if (row.n > 1) doubled.push(`appointment ${row.appointment_id}: confirmed ${row.n} times`);

  // Each admin refund request (one idempotency key) made one refund row, and one Stripe refund.
  for (const journey of journeys) {
    if (!journey.adminRefund || journey.adminRefund.answer !== 'ok') continue;
    const rows = refunds.filter(
      (r) => r.idempotency_key === `admin:${journey.adminRefund!.idempotencyKey}`,
    );
    if (rows.length !== 1)
      doubled.push(`${journey.reference}: ${rows.length} refund rows for one admin request`);
  }

  const overlaps = await countOverlaps(db);
  return {
    checkedPayments: payments.length,
    lostEffects: lost,
    doubleEffects: doubled,
    disagreeingAppointments: disagreeing,
    overlaps,
    moneyWithoutBooking,
    adminDecisions,
    releasedNotRebookable: journeys.filter((j) => j.rebookRefused).length,
    counts,
  };
}

/** Every Stripe refund is recorded once here; every refund Clinicpay asked for was made once there. */
function checkRefundRows(
  where: string,
  paymentId: string,
  atStripe: Stripe.Refund[],
  rows: Array<{ id: string; payment_id: string; status: string; stripe_refund_id: string | null }>,
  lost: string[],
  doubled: string[],
): void {
  const ours = rows.filter((r) => r.payment_id === paymentId);
  for (const refund of atStripe) {
    const recorded = ours.filter((r) => r.stripe_refund_id === refund.id);
    if (recorded.length === 0) lost.push(`${where}: Stripe refund ${refund.id} not recorded`);
    if (recorded.length > 1)
      doubled.push(`${where}: Stripe refund ${refund.id} recorded ${recorded.length} times`);
    if (recorded.length === 1 && recorded[0]!.status !== refund.status)
      lost.push(
        `${where}: refund ${refund.id} ${refund.status} at Stripe, ${recorded[0]!.status} here`,
      );
  }
  for (const row of ours) {
    const made = atStripe.filter((r) => r.metadata?.refund_id === row.id);
    if (made.length > 1)
      doubled.push(`${where}: refund ${row.id} made ${made.length} times at Stripe`);
  }
}

/** Active appointments of one doctor whose times intersect (the exclusion constraint forbids it). */
async function countOverlaps(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n
    from appointments a
    join appointments b on a.doctor_id = b.doctor_id and a.id < b.id
      and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
    where a.status <> 'cancelled' and b.status <> 'cancelled'`.execute(db);
  return rows[0]?.n ?? 0;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

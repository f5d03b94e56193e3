// 1. Chaos on payments: bookings paid, declined, lapsed and refunded through two API replicas
// while the emulator duplicates, shuffles and fails deliveries, one replica is killed and
// PostgreSQL restarts; then the database is compared with Stripe's record. The base run also
// sends its e-mail through an SMTP server that is down for a third of it, and counts what arrived.
import { createDatabase } from '@clinicpay/db';
import { check, table, type PartResult, type ProofPart, type Scale } from '../report.js';
import { signedInAdmin } from '../support/api-client.js';
import { countBy } from '../support/count-by.js';
import { percentile } from '@clinicpay/testing';
import { addProofDoctors, freeSlots } from '../support/proof-clinic.js';
import { seededRandom } from '../support/seeded-random.js';
import { startProofStack } from '../support/stack.js';
import { checkChaosMail, startChaosMail } from './chaos-mail.js';
import { planDisruptions } from './disruptions.js';
import { sweepPastHolds } from './hold-expiry.js';
import { runJourney, type JourneyRecord } from './journeys.js';
import { compareWithStripe } from './oracle.js';
import { OUTCOME_MIX, pickOutcome, type Outcome } from './outcomes.js';
import { ReplicaPool } from './replica-pool.js';
import { countPending, describeUnprocessedEvents, waitUntilSettled } from './settle.js';

const SIZES = {
  full: { bookings: 2000, concurrency: 16 },
  ci: { bookings: 200, concurrency: 8 },
} as const;
const TROUBLE_SIZES = {
  full: { bookings: 1000, concurrency: 16 },
  ci: { bookings: 120, concurrency: 8 },
} as const;
const SEED = 20261126;
const SWEEP_INTERVAL_SECONDS = 2;
const RECONCILE_AFTER_SECONDS = 10;
const HOLD_MINUTES = 35;
/** UNSENT_REFUND_GRACE_MS of apps/api's sweeper: a reserved refund's request gets this long. */
const UNSENT_REFUND_GRACE_SECONDS = 60;
/** Time to apply what is due once it is due (a sweep's own work, webhook queues draining). */
const MARGIN_SECONDS = 10;

export const chaosPart: ProofPart = {
  name: 'chaos',
  title: '1. Chaos on payments',
  run: (scale) => runChaos(scale, { stripeTrouble: false, mail: true }),
};

/**
 * The same run with Stripe itself in trouble: 10% of API calls answered 429 and a fifth of them
 * answered 500 ms late, as a busy account at real Stripe would be. The invariants must not move.
 */
export const chaosStripeTroublePart: ProofPart = {
  name: 'chaos-stripe-trouble',
  title: '1b. Chaos on payments, with Stripe rate-limiting and slow',
  // The e-mail checks run once, in the base part: Stripe's trouble does not touch mail.
  run: (scale) => runChaos(scale, { stripeTrouble: true, mail: false }),
};

/** The rate-limit rule's 429s and the sweeper's back-off after them (up to 5 min, doubling). */
const TROUBLE_SETTLE_SECONDS = 40;

async function runChaos(
  scale: Scale,
  variant: { stripeTrouble: boolean; mail: boolean },
): Promise<PartResult> {
  const { bookings, concurrency } = variant.stripeTrouble ? TROUBLE_SIZES[scale] : SIZES[scale];
  const faults = { duplicateProbability: 0.3, shuffleWindow: 8, failFirstProbability: 0.1 };
  const mail = variant.mail ? await startChaosMail() : null;
  const stack = await startProofStack({
    replicas: 2,
    seed: SEED,
    faults,
    maxInFlight: 8,
    retry: { maxAttempts: 8, initialDelayMs: 250, maxDelayMs: 4000, timeoutMs: 10_000 },
    env: {
      BOOKING_RATE_LIMIT: '1000000/1m',
      SIGN_IN_RATE_LIMIT: '1000/1m',
      SWEEP_INTERVAL_SECONDS: String(SWEEP_INTERVAL_SECONDS),
      RECONCILE_AFTER_SECONDS: String(RECONCILE_AFTER_SECONDS),
      BOOKING_HOLD_MINUTES: String(HOLD_MINUTES),
      ...mail?.env,
    },
  }).catch(async (error: unknown) => {
    await mail?.catcher.stop();
    throw error;
  });
  const reader = await createDatabase({ url: stack.databaseUrl, maxConnections: 4 });
  if (variant.stripeTrouble) {
    stack.stripe.control.setRateLimit({ fraction: 0.1 });
    stack.stripe.control.setApiLatency([{ delayMs: 500, fraction: 0.2 }]);
  }
  try {
    const pool = new ReplicaPool(stack.replicas.map((r) => r.url));
    const doctors = await addProofDoctors(reader, Math.ceil(bookings / 900) + 1);
    const slots = await freeSlots(pool.pick().client, doctors, bookings);
    if (slots.length < bookings)
      throw new Error(`Only ${slots.length} free slots for ${bookings} bookings.`);
    const admin = await signedInAdmin(() => pool.pick().url, stack.credentials.admin);
    const random = seededRandom(SEED).next;
    const outcomes: Outcome[] = Array.from({ length: bookings }, () => pickOutcome(random));
    const disruptions = planDisruptions(stack, pool, bookings, mail?.catcher ?? null);
    const deps = { pool, stripe: stack.stripe, admin, db: reader.db, random, released: [] };

    const journeys: JourneyRecord[] = [];
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < bookings; i = next++) {
          disruptions.onJourneyStarted(i);
          const t0 = performance.now();
          journeys.push(await runJourney(deps, i, outcomes[i]!, slots[i]!));
          latencies.push(performance.now() - t0);
        }
      }),
    );
    await disruptions.settled();
    const driveSeconds = (performance.now() - started) / 1000;

    // Sessions created at Stripe but never handed to a patient (the request died after creating
    // them) stay open until Stripe expires them at expires_at: expire them now, as Stripe would.
    const openSessions = stack.stripe.control
      .objects('test')
      .checkoutSessions.filter((s) => s.status === 'open');
    for (const session of openSessions) stack.stripe.control.expireSession(session.id);

    const atEnd = await countPending(reader.db);
    const bound =
      RECONCILE_AFTER_SECONDS +
      SWEEP_INTERVAL_SECONDS +
      (atEnd.refunds > 0 ? UNSENT_REFUND_GRACE_SECONDS : 0) +
      (variant.stripeTrouble ? TROUBLE_SETTLE_SECONDS : 0) +
      MARGIN_SECONDS;
    const settled = await waitUntilSettled(reader.db, (bound + 30) * 1000);
    const rateLimited = stack.stripe.control.rateLimit().rateLimited;
    // Stripe well again before the checks read it back (the oracle reads its records directly).
    stack.stripe.control.setRateLimit(null);
    stack.stripe.control.setApiLatency([]);
    await stack.stripe.control.waitForDeliveries(60_000).catch(() => undefined);
    const unattachedReleased =
      settled.left.unattachedHolds > 0
        ? await sweepPastHolds(stack.databaseUrl, stack.stripe.url, HOLD_MINUTES)
        : 0;
    const afterHoldSweep = await countPending(reader.db);
    const stuckEvents = await describeUnprocessedEvents(reader.db);
    const mailResult = mail
      ? await checkChaosMail(reader.db, mail.catcher, disruptions.log, stack.replicas.length)
      : null;

    const oracle = await compareWithStripe(
      reader.db,
      stack.stripe.control.objects('test'),
      journeys,
    );
    const deliveries = stack.stripe.control.deliveries();
    const created = journeys.filter((j) => j.reference !== null).length;
    const createFailures = countBy(
      journeys.filter((j) => j.createFailure).map((j) => j.createFailure!),
    );
    latencies.sort((a, b) => a - b);

    const checks = [
      check(
        '0 lost effects: every payment, failure, expiry and refund Stripe recorded is in the database',
        oracle.lostEffects.length === 0,
        sample(oracle.lostEffects, oracle.checkedPayments),
      ),
      check(
        '0 double effects: nothing completed, confirmed or refunded twice, here or at Stripe',
        oracle.doubleEffects.length === 0,
        sample(oracle.doubleEffects, oracle.checkedPayments),
      ),
      check(
        'every appointment agrees with its payment',
        oracle.disagreeingAppointments.length === 0,
        sample(oracle.disagreeingAppointments, oracle.checkedPayments),
      ),
      check('0 overlapping appointments', oracle.overlaps === 0, `${oracle.overlaps} pairs`),
      check(
        '0 money kept without a booking (admin decisions with a recorded reason aside)',
        oracle.moneyWithoutBooking.length === 0,
        sample(oracle.moneyWithoutBooking, oracle.counts['paid at Stripe'] ?? 0) +
          `; ${oracle.adminDecisions} admin decisions`,
      ),
      check(
        `every pending item resolved within the reconciliation bound (${bound} s)`,
        settled.left.payments + settled.left.refunds + settled.left.events === 0 &&
          settled.seconds <= bound,
        `${settled.seconds.toFixed(1)} s after the last action; left ${JSON.stringify(settled.left)}${stuckEvents.length ? `: ${stuckEvents.join('; ')}` : ''}`,
      ),
      check(
        'holds whose checkout was never attached end with the hold',
        afterHoldSweep.unattachedHolds === 0,
        `${settled.left.unattachedHolds} such holds, ${unattachedReleased} released by the sweep past the hold`,
      ),
      check(
        'every admin refund and cancellation asked for was answered',
        journeys.every(
          (j) => (j.adminRefund?.answer ?? 'ok') === 'ok' && (j.adminCancel ?? 'ok') === 'ok',
        ),
        JSON.stringify(
          countBy(
            journeys.flatMap((j) =>
              [j.adminRefund?.answer, j.adminCancel].filter(
                (a): a is string => a !== undefined && a !== null,
              ),
            ),
          ),
        ),
      ),
      check(
        'every released time could be booked again',
        oracle.releasedNotRebookable === 0,
        `${journeys.filter((j) => j.outcome === 'rebook_released').length} rebookings, ${oracle.releasedNotRebookable} refused`,
      ),
      check(
        'no replica died but the one killed on purpose',
        stack.replicas.every((r) => r.crashes === 0),
        stack.replicas.map((r) => `${r.name}: ${r.crashes} crashes`).join(', '),
      ),
      check(
        'the run happened as planned: most bookings were made, the replica was killed and PostgreSQL restarted',
        created >= bookings * 0.9 &&
          disruptions.log.replicaKilledAt !== null &&
          disruptions.log.postgresRestartedAt !== null,
        `${created} of ${bookings} bookings made`,
      ),
      ...(mailResult?.checks ?? []),
    ];

    const byOutcome = (Object.keys(OUTCOME_MIX) as Outcome[]).map((o) => [
      o,
      journeys.filter((j) => j.outcome === o).length,
      journeys.filter((j) => j.outcome === o && j.reference).length,
    ]);
    const figures = [
      table(['journey', 'asked', 'booked'], byOutcome),
      table(
        ['figure', 'value'],
        [
          ['bookings made / asked', `${created} / ${bookings}`],
          [
            'booking.create failures (after the patient’s 3 tries)',
            Object.entries(createFailures)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ') || 'none',
          ],
          [
            'journeys per second (create + pay/decline/refund), p50 / p99 journey',
            `${(bookings / driveSeconds).toFixed(1)}/s, ${percentile(latencies, 50).toFixed(0)} / ${percentile(latencies, 99).toFixed(0)} ms`,
          ],
          ['payments checked against Stripe', oracle.checkedPayments],
          ...(variant.stripeTrouble
            ? [['Stripe API calls answered 429 (10% of calls; a fifth 500 ms late)', rateLimited]]
            : []),
          [
            'Stripe: paid / refunded / declined / expired',
            ['paid at Stripe', 'refunded at Stripe', 'declined at Stripe', 'expired at Stripe']
              .map((k) => oracle.counts[k] ?? 0)
              .join(' / '),
          ],
          ['webhook deliveries (both replicas; duplicates included)', deliveries.length],
          [
            'delivery attempts failed by injection / by a replica or PostgreSQL',
            `${countAttempts(deliveries, true)} / ${countAttempts(deliveries, false)}`,
          ],
          [
            'deliveries given up after all retries',
            deliveries.filter((d) => d.status === 'failed').length,
          ],
          [
            'replica killed (SIGKILL) at journey, down for',
            `${disruptions.log.replicaKilledAt}, ${disruptions.log.replicaDownSeconds.toFixed(1)} s`,
          ],
          [
            'PostgreSQL restarted at journey, took',
            `${disruptions.log.postgresRestartedAt}, ${disruptions.log.postgresRestartSeconds.toFixed(1)} s`,
          ],
          [
            'sessions left open at Stripe by dead requests (expired at the end)',
            openSessions.length,
          ],
          [
            'pending at the end of the run → settled after',
            `${JSON.stringify(atEnd)} → ${settled.seconds.toFixed(1)} s`,
          ],
        ],
      ),
      ...(mailResult?.figures ?? []),
    ];
    return {
      setup:
        (variant.stripeTrouble
          ? 'Stripe answers 10% of API calls with 429 and a fifth of them 500 ms late. '
          : '') +
        `${bookings} bookings through 2 API replicas (${concurrency} patients at a time) on a throwaway PostgreSQL cluster; the emulator delivers every event to both replicas, ` +
        `duplicates 30% of them, shuffles within a window of 8 and fails 10% of first deliveries; replica 2 is killed with SIGKILL at 30% and restarted, PostgreSQL restarted at 60% (once the replica is back); ` +
        `sweeper every ${SWEEP_INTERVAL_SECONDS} s, reconciliation after ${RECONCILE_AFTER_SECONDS} s; seed ${SEED}.` +
        (mail
          ? ' Every replica sends its e-mail to one SMTP server (the mail catcher), which is stopped from a third of the journeys started to two thirds; what it received is counted per fact against the database.'
          : ''),
      checks,
      figures,
    };
  } finally {
    await reader.close();
    await stack.stop();
    await mail?.catcher.stop();
  }
}

function sample(problems: string[], of: number): string {
  return problems.length === 0
    ? `0 of ${of}`
    : `${problems.length} of ${of}, e.g. ${problems.slice(0, 3).join('; ')}`;
}

function countAttempts(
  deliveries: Array<{ attempts: Array<{ status: number | null; injected: boolean }> }>,
  injected: boolean,
): number {
  return deliveries.reduce(
    (n, d) =>
      n +
      d.attempts.filter((a) => a.injected === injected && (a.status === null || a.status >= 300))
        .length,
    0,
  );
}

// Filling the calendar and spending the clinic's Stripe rate limit, against the production
// processes: a burst of bookings from one IPv6 /64 (each request from another address of it), a
// run of bookings for one e-mail address, and a storm of status reads across both replicas,
// counting the reads that reached Stripe. Clients name their address through X-Forwarded-For,
// which the API trusts from loopback only in this run (TRUST_PROXY=loopback).
import { check, table, type Check } from '../report.js';
import { addDays, toLocal, TRPC_MAX_BATCH_ITEMS } from '@clinicpay/contracts';
import { envelope, dataOf, send, type AnswerLog } from './http-client.js';
import { trpcMutation, trpcQuery } from './trpc-calls.js';
import { withDatabase } from './database.js';
import type { SecurityStack } from './security-stack.js';

/** The booking limit this run sets: 20 per 10 minutes, the production default. */
export const FLOOD_ENV = { TRUST_PROXY: 'loopback', BOOKING_RATE_LIMIT: '20/10m' };
const LIMIT = 20;
const CAP = 3;

interface Slot {
  startsAt: string;
}

export async function checkFlood(options: {
  log: AnswerLog;
  stack: SecurityStack;
}): Promise<{ checks: Check[]; figures: string[] }> {
  const { log, stack } = options;
  const url = stack.https.url;
  const services = dataOf<Array<{ id: string; name: string }>>(
    await trpcQuery(log, url, 'catalogue.services'),
  );
  const serviceId = services.find((s) => s.name === 'General consultation')?.id ?? services[0]!.id;
  const today = toLocal(new Date(), 'America/New_York').date;
  const slots = dataOf<{ days: Array<{ slots: Slot[] }> }>(
    await trpcQuery(log, url, 'catalogue.availability', {
      serviceId,
      from: today,
      to: addDays(today, 13),
    }),
  ).days.flatMap((d) => d.slots);
  let slot = 0;
  const book = (from: string, patient: object, paymentMethod = 'pay_at_clinic') =>
    trpcMutation(
      log,
      url,
      'booking.create',
      { serviceId, doctorId: 'any', startsAt: slots[slot++]!.startsAt, patient, paymentMethod },
      { headers: { 'x-forwarded-for': from } },
    );

  // 1. One /64: every request from another address of it; the limit counts the block.
  const sixtyFour: number[] = [];
  for (let i = 0; i < LIMIT + 10; i++) {
    const answer = await trpcMutation(
      log,
      url,
      'booking.create',
      { serviceId: 'not-a-service' },
      { headers: { 'x-forwarded-for': `2001:db8:f00d:1:${(i + 1).toString(16)}::${i + 7}` } },
    );
    sixtyFour.push(answer.status);
  }
  const otherBlocks: number[] = [];
  for (let i = 0; i < 5; i++) {
    const answer = await trpcMutation(
      log,
      url,
      'booking.create',
      { serviceId: 'not-a-service' },
      { headers: { 'x-forwarded-for': `2001:db8:f00d:${100 + i}::1` } },
    );
    otherBlocks.push(answer.status);
  }
  const throttled = sixtyFour.filter((s) => s === 429).length;

  // A batch above the SPAs' maxItems: refused whole, before any availability is computed.
  const batchPaths = Array.from(
    { length: TRPC_MAX_BATCH_ITEMS + 1 },
    () => 'catalogue.availability',
  );
  const batch = await send(
    log,
    'GET',
    `${url}/trpc/${batchPaths.join(',')}?batch=1&input=${encodeURIComponent(
      JSON.stringify(
        Object.fromEntries(
          batchPaths.map((_, i) => [i, { serviceId, from: today, to: addDays(today, 13) }]),
        ),
      ),
    )}`,
  );

  // 2. One e-mail address, each booking from another address and with another phone number.
  await withDatabase(stack.databaseUrl, (db) =>
    db.query('UPDATE clinics SET max_open_bookings_per_contact = $1', [CAP]),
  );
  const emailRuns: Array<{ status: number; message: string }> = [];
  for (let i = 0; i < CAP + 2; i++) {
    const answer = await book(`198.51.100.${10 + i}`, {
      name: 'Flood Family',
      email: i % 2 ? ' Flood@Family.example' : 'flood@family.example',
      phone: `+1 212 555 09${10 + i}`,
    });
    emailRuns.push({ status: answer.status, message: envelope(answer).error?.message ?? '' });
  }
  const accepted = emailRuns.filter((r) => r.status === 200).length;
  const refused = emailRuns.filter((r) => r.status === 409);

  // 3. A storm of status reads naming the checkout session (the return page's), both replicas.
  const card = dataOf<{ reference: string }>(
    await book(
      '198.51.100.60',
      {
        name: 'Poll Storm',
        email: 'storm@proof.example',
        phone: '+1 212 555 0990',
      },
      'stripe',
    ),
  );
  const session = stack.stripe.control
    .objects('test')
    .checkoutSessions.find((s) => s.metadata?.booking_reference === card.reference);
  const stripeReads = () =>
    stack.stripe.control
      .requests()
      .filter((r) => r.method === 'GET' && r.path === `/v1/checkout/sessions/${session?.id}`)
      .length;
  const readsBefore = stripeReads();
  const started = Date.now();
  let calls = 0;
  for (let wave = 0; wave < 4; wave++) {
    await Promise.all(
      [stack.https.url, stack.http.url].flatMap((replica) =>
        Array.from({ length: 25 }, async () => {
          calls++;
          await trpcQuery(log, replica, 'booking.status', {
            reference: card.reference,
            sessionId: session?.id,
          });
        }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const seconds = (Date.now() - started) / 1000;
  const reads = stripeReads() - readsBefore;
  // At most one read per 3 s per payment (the return page's interval), plus the first.
  const allowed = Math.floor(seconds / 3) + 1;

  const checks = [
    check(
      `bookings from one IPv6 /64 are limited together: ${LIMIT} of ${sixtyFour.length} from ${sixtyFour.length} addresses of it reach the API, the rest get 429; other /64s are not held back`,
      throttled === sixtyFour.length - LIMIT && otherBlocks.every((s) => s !== 429),
      `one /64: ${sixtyFour.length - throttled} answered, ${throttled} throttled; five other /64s: ${otherBlocks.join(', ')}`,
    ),
    check(
      `a tRPC batch of ${TRPC_MAX_BATCH_ITEMS + 1} availability calls (one more than the SPAs' maxItems) is refused with 400 and a sentence`,
      batch.status === 400 && /at most \d+ calls/.test(envelope(batch).error?.message ?? ''),
      `${batch.status}: "${envelope(batch).error?.message ?? batch.body.slice(0, 120)}"`,
    ),
    check(
      `one e-mail address (however it is typed) holds at most ${CAP} upcoming bookings; the refusal names the clinic's phone for a family`,
      accepted === CAP &&
        refused.length === emailRuns.length - CAP &&
        refused.every((r) => /call the clinic on \+\d/.test(r.message)),
      `${accepted} booked, ${refused.length} refused: "${refused[0]?.message ?? ''}"`,
    ),
    check(
      'a storm of status reads naming the checkout session, across both replicas, reaches Stripe at most once per 3 s',
      session !== undefined && reads <= allowed,
      `${calls} reads in ${seconds.toFixed(1)} s reached Stripe ${reads} time(s) (at most ${allowed} allowed)`,
    ),
  ];
  const figures = [
    table(
      ['Flood', 'Requests', 'Outcome'],
      [
        [
          `booking.create from ${sixtyFour.length} addresses of one /64`,
          sixtyFour.length,
          `${sixtyFour.length - throttled} reached the API, ${throttled} × 429`,
        ],
        [
          `booking.create for one e-mail (cap ${CAP})`,
          emailRuns.length,
          `${accepted} booked, ${refused.length} × 409`,
        ],
        [
          'booking.status with the session id, 2 replicas',
          calls,
          `${reads} Stripe read(s) in ${seconds.toFixed(1)} s`,
        ],
      ],
    ),
  ];
  return { checks, figures };
}

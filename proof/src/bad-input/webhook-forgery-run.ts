// The webhook half: forged and mangled requests against the real route of a production API
// process, the database digested before and after, and the genuine event sent last to show the
// forgeries were one signature away from confirming the booking.
import { signWebhookPayload } from '@clinicpay/stripe-emulator/builders';
import type { ProofStack } from '../support/stack.js';
import { check, table, type Check } from '../report.js';
import { WEBHOOK_BODY_LIMIT } from './api-internals.js';
import { changedTables, type DigestReader } from './database-digest.js';
import { generateForgeries } from './forgery-generator.js';
import type { PendingBooking } from './pending-booking.js';
import { runPool } from './run-pool.js';
import { sendForgery } from './send-forgery.js';
import { loggedStatuses, statusesLoggedSince } from './request-log.js';
import {
  signatureFailureCounts,
  signatureFailureRows,
  signatureFailuresAdded,
  SIGNATURE_FAILURES_TABLE,
} from './signature-failures.js';
import { bump, formatTally, total, type Tally } from './tally.js';

/** Counted on purpose by every call (refusals, rate limits), so left out of the digest. */
export const WEBHOOK_DIGEST_EXCLUDES = [SIGNATURE_FAILURES_TABLE, 'rate_limit_counters'];
const CONCURRENCY = 4;
const WEBHOOK_PATH = '/webhooks/stripe';
const CUT_OFF = 'cut off mid-upload';
const SEED = 20_261_010;

interface KindTally {
  sent: number;
  statuses: Tally;
  variants: Set<string>;
  reachedCheck: number;
}

export async function runWebhookForgeries(
  stack: ProofStack,
  booking: PendingBooking,
  reader: DigestReader,
  count: number,
  /** Run after the forgeries are checked and before the genuine event is sent. */
  beforeGenuine: () => Promise<{ checks: Check[]; figures: string[] }>,
): Promise<{ checks: Check[]; figures: string[] }> {
  const url = `${stack.replicas[0]!.url}${WEBHOOK_PATH}`;
  const main = booking.events.find((e) => e.type === 'checkout.session.completed')!;
  const payloads = [main, ...booking.events.filter((e) => e !== main)].map((e) =>
    JSON.stringify(e, null, 2),
  );
  const status = async () =>
    (
      await reader.query<{ status: string }>(
        'SELECT status FROM appointments WHERE reference = $1',
        [booking.reference],
      )
    )[0]?.status;

  const logFile = stack.replicas[0]!.logFile;
  const loggedBefore = await loggedStatuses(logFile, WEBHOOK_PATH);
  const statusBefore = await status();
  const before = await reader.digest(WEBHOOK_DIGEST_EXCLUDES);
  const countsBefore = await signatureFailureCounts(reader);
  const rowsBefore = await signatureFailureRows(reader);

  const kinds = new Map<string, KindTally>();
  const statuses: Tally = new Map();
  const expectedReasons: Tally = new Map();
  const notRefused: string[] = [];
  let bytes = 0;
  const started = performance.now();
  await runPool(
    generateForgeries({
      seed: SEED,
      count,
      payloads,
      secret: stack.credentials.stripe.webhookSigningSecret,
      apiKeys: stack.credentials.stripe,
      bodyLimit: WEBHOOK_BODY_LIMIT,
    }),
    CONCURRENCY,
    async (forgery) => {
      const outcome = await sendForgery(url, forgery);
      // Refused before the handler (too large), the API answers and closes while the body is still
      // being written; the client then often gets a broken pipe instead of the answer.
      const cutOff = outcome.status === null && forgery.reason === null;
      const answer = outcome.status ?? (cutOff ? CUT_OFF : `no answer (${outcome.failure})`);
      const kind = kinds.get(forgery.kind) ?? {
        sent: 0,
        statuses: new Map<string, number>(),
        variants: new Set<string>(),
        reachedCheck: 0,
      };
      kinds.set(forgery.kind, kind);
      kind.sent += 1;
      kind.variants.add(forgery.variant);
      bump(kind.statuses, answer);
      bump(statuses, answer);
      bytes += forgery.body.length;
      if (forgery.reason) {
        kind.reachedCheck += 1;
        bump(expectedReasons, forgery.reason);
      }
      if (!cutOff && (outcome.status === null || outcome.status < 400 || outcome.status >= 500)) {
        notRefused.push(
          `${forgery.kind} / ${forgery.variant}: ${outcome.status ?? outcome.failure}`,
        );
      }
    },
  );
  const seconds = (performance.now() - started) / 1000;

  const logged = await statusesLoggedSince(logFile, WEBHOOK_PATH, loggedBefore, count);
  const loggedNot4xx = [...logged.keys()].filter((s) => !s.startsWith('4'));
  const cutOffs = statuses.get(CUT_OFF) ?? 0;
  const after = await reader.digest(WEBHOOK_DIGEST_EXCLUDES);
  const recorded = signatureFailuresAdded(countsBefore, await signatureFailureCounts(reader));
  const recordedCount = total(recorded);
  const rowsAdded = (await signatureFailureRows(reader)) - rowsBefore;
  const statusAfterForgeries = await status();
  const expectedCount = total(expectedReasons);
  const changed = changedTables(before, after);
  const reasonMismatches = [...new Set([...expectedReasons.keys(), ...recorded.keys()])]
    .filter((reason) => (expectedReasons.get(reason) ?? 0) !== (recorded.get(reason) ?? 0))
    .map(
      (reason) =>
        `${reason}: expected ${expectedReasons.get(reason) ?? 0}, recorded ${recorded.get(reason) ?? 0}`,
    );

  const repeats = await beforeGenuine();
  // Last, the genuine article: the same body, signed right, now. It must be taken and confirm the booking.
  const genuine = payloads[0]!;
  const control = await sendForgery(url, {
    body: Buffer.from(genuine),
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'stripe-signature': signWebhookPayload(
        genuine,
        stack.credentials.stripe.webhookSigningSecret,
      ),
    },
  });
  const statusAfterGenuine = await waitForStatus(status, 'confirmed');

  const checks = [
    ...repeats.checks,
    check(
      'every forged or malformed webhook request is answered with a 4xx (as the API logged its answers, and as the client read them)',
      notRefused.length === 0 && total(logged) === count && loggedNot4xx.length === 0,
      `API log: ${total(logged)} of ${count} answered, ${formatTally(logged)}; client: ${formatTally(statuses)}` +
        (cutOffs
          ? ` (${cutOffs} oversized uploads cut off when the API closed the connection after answering 413)`
          : '') +
        (notRefused.length ? `; not refused: ${notRefused.slice(0, 5).join('; ')}` : ''),
    ),
    check(
      `the database digest is the same before and after (every table but ${WEBHOOK_DIGEST_EXCLUDES.join(' and ')})`,
      before.hash === after.hash,
      `${before.tables.size} tables hashed; ${changed.length === 0 ? 'none changed' : `changed: ${changed.join(', ')}`}`,
    ),
    check(
      'the booking the forged events name is still waiting for its payment',
      statusBefore === 'pending_payment' && statusAfterForgeries === 'pending_payment',
      `${booking.reference}: ${statusBefore} before, ${statusAfterForgeries} after`,
    ),
    check(
      'signature failures recorded rose by exactly the requests that reached the signature check',
      recordedCount === expectedCount,
      `${expectedCount} expected (${count} sent, ${count - expectedCount} refused by the route before it), ${recordedCount} recorded`,
    ),
    check(
      'a flood of refusals from one sender is kept as a row per reason and minute, with a count, so it cannot push real failures out of the newest 1000',
      recordedCount === 0 || rowsAdded < Math.max(50, recordedCount / 10),
      `${recordedCount} refusals recorded in ${rowsAdded} new rows`,
    ),
    check(
      'each refusal is recorded with the reason its kind of forgery predicts',
      reasonMismatches.length === 0,
      reasonMismatches.length === 0 ? formatTally(recorded) : reasonMismatches.join('; '),
    ),
    check(
      'the genuine event, signed right, is then accepted and confirms the booking (the forgeries were one signature away)',
      control.status === 200 && statusAfterGenuine === 'confirmed',
      `answered ${control.status ?? control.failure}; booking ${statusAfterGenuine}`,
    ),
  ];

  const figures = [
    ...repeats.figures,
    `Webhook forgeries: ${count} requests in ${seconds.toFixed(1)} s, ${(count / seconds).toFixed(0)} requests/s (${CONCURRENCY} at a time, ${(bytes / 2 ** 20).toFixed(1)} MiB sent), seed ${SEED}.`,
    table(
      ['Kind', 'Requests', 'Variants seen', 'Answers', 'Reached the signature check'],
      [...kinds.entries()].map(([name, k]) => [
        name,
        k.sent,
        k.variants.size,
        formatTally(k.statuses),
        k.reachedCheck,
      ]),
    ),
    table(
      ['Recorded refusal reason', 'Expected', 'Recorded'],
      [...new Set([...expectedReasons.keys(), ...recorded.keys()])]
        .sort()
        .map((r) => [r, expectedReasons.get(r) ?? 0, recorded.get(r) ?? 0]),
    ),
  ];
  return { checks, figures };
}

/** Reads a status until it is `wanted` or 10 s have passed; returns the last read. */
async function waitForStatus(
  read: () => Promise<string | undefined>,
  wanted: string,
): Promise<string | undefined> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (value === wanted || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Forged repeats of a stored event's id: with the signing secret in hand (the demo's test secret is
// public), a forger re-sends the id of an event the API stored but has not processed yet, with
// another body. The API must take the effect from the stored body only and refuse, as a forgery,
// a repeat whose type, created time or object differ; Stripe's own retries (another
// pending_webhooks) must still be taken.
import { signWebhookPayload } from '@clinicpay/stripe-emulator/builders';
import { check, table, type Check } from '../report.js';
import type { ProofStack } from '../support/stack.js';
import type { DigestReader } from './database-digest.js';
import type { PendingBooking } from './pending-booking.js';
import { sendForgery } from './send-forgery.js';
import { signatureFailureCounts, signatureFailuresAdded } from './signature-failures.js';

const WEBHOOK_PATH = '/webhooks/stripe';

export async function runRepeatIdForgeries(
  stack: ProofStack,
  booking: PendingBooking,
  reader: DigestReader,
): Promise<{ checks: Check[]; figures: string[] }> {
  const url = `${stack.replicas[0]!.url}${WEBHOOK_PATH}`;
  const secret = stack.credentials.stripe.webhookSigningSecret;
  const main = booking.events.find((e) => e.type === 'checkout.session.completed')!;
  const stored = booking.events.find((e) => e !== main) ?? main;
  // Stored, not processed: the window a crash leaves (the sweeper is off in this stack).
  await reader.query(
    `INSERT INTO stripe_events (stripe_event_id, type, livemode, api_version, payload, received_at)
     VALUES ($1, $2, false, $3, $4::jsonb, now())`,
    [stored.id, stored.type, stored.api_version ?? null, JSON.stringify(stored)],
  );
  const send = (event: object) => {
    const body = JSON.stringify(event, null, 2);
    return sendForgery(url, {
      body: Buffer.from(body),
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'stripe-signature': signWebhookPayload(body, secret),
      },
    });
  };
  const status = async () =>
    (
      await reader.query<{ status: string }>(
        'SELECT status FROM appointments WHERE reference = $1',
        [booking.reference],
      )
    )[0]?.status;

  const object = stored.data.object as unknown as { id: string };
  const otherObject = { ...object, id: `${object.id}_forged` };
  const forgeries: [string, object][] = [
    [
      'another type: the paying checkout.session.completed under the stored id',
      { ...main, id: stored.id, created: stored.created },
    ],
    ['the same type about another object', { ...stored, data: { object: otherObject } }],
    ['the same body with another created time', { ...stored, created: stored.created + 60 }],
  ];
  const before = await signatureFailureCounts(reader);
  const answers: [string, string][] = [];
  for (const [name, event] of forgeries) {
    const outcome = await send(event);
    answers.push([name, String(outcome.status ?? outcome.failure)]);
  }
  const added = signatureFailuresAdded(before, await signatureFailureCounts(reader));
  const [row] = await reader.query<{ type: string; processed: boolean }>(
    'SELECT type, processed_at IS NOT NULL AS processed FROM stripe_events WHERE stripe_event_id = $1',
    [stored.id],
  );
  const statusAfterForgeries = await status();
  // Stripe's own retry of the stored event: another pending_webhooks, the same event otherwise.
  const retry = await send({
    ...stored,
    pending_webhooks: stored.pending_webhooks + 2,
  });
  answers.push(['Stripe retry (other pending_webhooks)', String(retry.status ?? retry.failure)]);

  const checks = [
    check(
      'a stored event id re-sent with another type, object or created time is refused with 400 and recorded as a forgery',
      answers.slice(0, forgeries.length).every(([, s]) => s === '400') &&
        (added.get('forged_repeat') ?? 0) === forgeries.length,
      `${answers
        .slice(0, forgeries.length)
        .map(([n, s]) => `${n}: ${s}`)
        .join('; ')}; forged_repeat recorded ${added.get('forged_repeat') ?? 0}`,
    ),
    check(
      'the forged repeats changed neither the stored event nor the booking',
      row?.type === stored.type &&
        row.processed === false &&
        statusAfterForgeries === 'pending_payment',
      `stored ${stored.id}: ${row?.type}, ${row?.processed ? 'processed' : 'unprocessed'}; booking ${statusAfterForgeries}`,
    ),
    check(
      "Stripe's own retry of the stored event (other pending_webhooks) is taken",
      retry.status === 200,
      `answered ${retry.status ?? retry.failure}`,
    ),
  ];
  const figures = [
    `Forged repeats of the stored, unprocessed event ${stored.type} (${stored.id}):`,
    table(
      ['Delivery', 'Answer'],
      answers.map(([n, s]) => [n, s]),
    ),
  ];
  return { checks, figures };
}

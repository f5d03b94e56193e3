// Forged, stale, wrong-secret, oversized, non-JSON and altered webhook requests: 4xx and no change
// of state beyond the signature-failure count. And one URL serving both modes.
import { createHash } from 'node:crypto';
import { sql } from '@clinicpay/db';
import { generateApiKey } from '@clinicpay/stripe-emulator';
import { describe, expect, it } from 'vitest';
import { stripeSecretPurpose } from '../src/security/secret-purposes.js';
import { paymentState } from './support/payment-fixture.js';
import { paymentSucceeded, signed } from './support/stripe-events.js';
import { useWebhookStack } from './support/webhook-stack.js';

const { stack, db, pending, send, setStripeSettings } = useWebhookStack();
const LIVE_SECRET = 'whsec_liveModeSigningSecret000000000000';

/** A digest of every table a webhook could change, to prove a refused request changed nothing. */
async function digest() {
  const tables = [
    'payments',
    'appointments',
    'appointment_events',
    'payment_events',
    'refunds',
    'stripe_events',
  ] as const;
  const rows = [];
  for (const table of tables)
    rows.push(
      await db()
        .selectFrom(table)
        .selectAll()
        .orderBy(sql`1`)
        .execute(),
    );
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}
const failures = async () =>
  (
    await db()
      .selectFrom('webhook_signature_failures')
      // Refusals are counted per reason, sender and minute: the sum is the number refused.
      .select(sql<number>`coalesce(sum(count), 0)::int`.as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('refused webhook requests', () => {
  it('answers 4xx to each kind of bad request and changes nothing but the failure count', async () => {
    const fixture = await pending();
    const event = paymentSucceeded(fixture.ref);
    const body = JSON.stringify(event);
    const now = Math.floor(Date.now() / 1000);
    const before = await digest();
    const failuresBefore = await failures();

    const attempts: [string, Awaited<ReturnType<typeof send>>][] = [
      ['no signature', await send(body, { signature: null })],
      ['forged signature', await send(body, { signature: `t=${now},v1=${'0'.repeat(64)}` })],
      ['wrong secret', await send(body, { secret: 'whsec_someoneElsesSecret000000' })],
      ['stale timestamp', await send(body, { timestamp: now - 420 })],
      ['from the future', await send(body, { timestamp: now + 420 })],
      [
        'altered body',
        await send(body.replace('"succeeded"', '"succeeded" '), {
          signature: signed(body),
        }),
      ],
      [
        'not JSON, validly signed',
        await send('amount=6000&paid=true', {
          contentType: 'application/x-www-form-urlencoded',
        }),
      ],
      ['garbage header', await send(body, { signature: 'hello' })],
    ];
    for (const [name, reply] of attempts) {
      expect([name, reply.status]).toEqual([name, 400]);
      expect(reply.body?.error).toBeTruthy();
      expect(JSON.stringify(reply.body)).not.toContain('whsec_');
    }
    const oversized = await fetch(`${stack().api.url}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signed('x') },
      body: JSON.stringify({ padding: 'x'.repeat(600 * 1024) }),
    });
    expect(oversized.status).toBe(413);

    expect(await digest()).toBe(before);
    expect(await failures()).toBe(failuresBefore + attempts.length);
    expect(await paymentState(db(), fixture.paymentId)).toMatchObject({ payment: 'pending' });
    const reasons = await db()
      .selectFrom('webhook_signature_failures')
      .select('reason')
      .orderBy('id', 'desc')
      .limit(attempts.length)
      .execute();
    expect(new Set(reasons.map((r) => r.reason))).toEqual(
      new Set(['missing_header', 'bad_signature', 'stale_timestamp', 'malformed']),
    );
  });
});

describe('one webhook URL for both modes', () => {
  it('completes a test payment after the clinic switched to Live, and never applies a live event to it', async () => {
    const fixture = await pending();
    const { ref } = fixture;
    const box = stack().api.runtime.secretBox;
    await setStripeSettings({
      mode: 'live',
      live_publishable_key: generateApiKey('pk', 'live'),
      live_secret_key_encrypted: box.encrypt(
        generateApiKey('sk', 'live'),
        stripeSecretPurpose('live', 'secret_key'),
      ),
      live_webhook_secret_encrypted: box.encrypt(
        LIVE_SECRET,
        stripeSecretPurpose('live', 'webhook_secret'),
      ),
    });
    try {
      // Signed with the live secret but claiming a live event: our test payment is not its business.
      const liveEvent = paymentSucceeded(ref, { livemode: true });
      const live = await send(liveEvent, { secret: LIVE_SECRET });
      expect(live).toEqual({ status: 200, body: { received: true, outcome: 'not_ours' } });
      expect(await paymentState(db(), fixture.paymentId)).toMatchObject({ payment: 'pending' });

      // The test-mode event, signed with the test secret, still completes the test payment.
      const testEvent = paymentSucceeded(ref);
      expect((await send(testEvent)).body?.outcome).toBe('applied');
      expect(await paymentState(db(), fixture.paymentId)).toMatchObject({
        payment: 'completed',
        appointment: 'confirmed',
      });
    } finally {
      await setStripeSettings({ mode: 'test' });
    }
  });

  it("refuses a live event signed with the test mode's secret (the demo's secret is public)", async () => {
    const livePayment = await pending({ mode: 'live' });
    const { ref } = livePayment;
    const box = stack().api.runtime.secretBox;
    await setStripeSettings({
      live_webhook_secret_encrypted: box.encrypt(
        LIVE_SECRET,
        stripeSecretPurpose('live', 'webhook_secret'),
      ),
    });
    const failuresBefore = await failures();
    const forged = paymentSucceeded(ref, { livemode: true });
    const reply = await send(forged); // signed with the (test) demo secret
    expect(reply.status).toBe(400);
    expect(reply.body?.error).toMatch(
      /live mode but was signed with the test mode's signing secret/,
    );
    expect(await paymentState(db(), livePayment.paymentId)).toMatchObject({
      payment: 'pending',
      appointment: 'pending_payment',
    });
    expect(await failures()).toBe(failuresBefore + 1);
    // Signed with the live secret, the same event applies.
    const genuine = await send(forged, { secret: LIVE_SECRET });
    expect(genuine.body?.outcome).toBe('applied');
    expect(await paymentState(db(), livePayment.paymentId)).toMatchObject({ payment: 'completed' });
  });

  it('refuses every event while no signing secret is saved', async () => {
    const saved = await db()
      .selectFrom('gateway_settings')
      .select(['test_webhook_secret_encrypted', 'live_webhook_secret_encrypted'])
      .where('gateway', '=', 'stripe')
      .executeTakeFirstOrThrow();
    await setStripeSettings({
      test_webhook_secret_encrypted: null,
      live_webhook_secret_encrypted: null,
    });
    try {
      const fixture = await pending();
      const event = paymentSucceeded(fixture.ref);
      const reply = await send(event);
      expect(reply.status).toBe(400);
      expect(reply.body?.error).toMatch(/No webhook signing secret is saved/);
      expect(await paymentState(db(), fixture.paymentId)).toMatchObject({ payment: 'pending' });
    } finally {
      await setStripeSettings(saved);
    }
  });
});

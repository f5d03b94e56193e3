// A body that is the signed event with a byte-order mark in front. stripe-node decodes the body
// with a TextDecoder, which drops a leading BOM, so the signature verifies; the inbox must still
// answer with a 4xx (the bytes are not what was signed), not fail with a 500 parsing them.
import { sql } from '@clinicpay/db';
import { describe, expect, it } from 'vitest';
import { paymentState } from './support/payment-fixture.js';
import { paymentSucceeded, signed } from './support/stripe-events.js';
import { useWebhookStack } from './support/webhook-stack.js';

const { stack, pending } = useWebhookStack();

describe('a signed event behind a byte-order mark', () => {
  it('is refused as malformed, recorded, and changes no payment', async () => {
    const db = stack().api.db;
    const fixture = await pending();
    const body = JSON.stringify(paymentSucceeded(fixture.ref));
    const lastFailure = async () =>
      (await db
        .selectFrom('webhook_signature_failures')
        .select(['reason', sql<string>`id::text`.as('id')])
        .orderBy('id', 'desc')
        .executeTakeFirst()) ?? null;
    const before = await lastFailure();

    const response = await fetch(`${stack().api.url}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signed(body) },
      body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]),
    });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/not in Stripe’s format/);
    const after = await lastFailure();
    expect(after?.id).not.toBe(before?.id);
    expect(after?.reason).toBe('malformed');
    expect(await db.selectFrom('stripe_events').select('id').execute()).toEqual([]);
    expect(await paymentState(db, fixture.paymentId)).toMatchObject({ payment: 'pending' });
  });
});

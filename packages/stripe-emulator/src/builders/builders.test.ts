import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import {
  signWebhookPayload,
  stripeCharge,
  stripeCheckoutSession,
  stripeDeclinedPaymentIntent,
  stripeDispute,
  stripeEvent,
  stripeRefund,
  stripeSucceededPaymentIntent,
} from './index';

describe('the builders derive what Stripe derives from the fields given', () => {
  it('a session: its id from the mode, both amounts from the total, the URL from the UI mode', () => {
    const live = stripeCheckoutSession({ livemode: true, amount_total: 1234 });
    expect(live.id).toMatch(/^cs_live_a1/);
    expect(live).toMatchObject({ amount_subtotal: 1234, amount_total: 1234, url: null });
    expect(live.client_secret).toMatch(new RegExp(`^${live.id}_secret_`));
    const hosted = stripeCheckoutSession({ ui_mode: 'hosted_page' });
    expect(hosted).toMatchObject({
      client_secret: null,
      url: `http://127.0.0.1:12111/c/pay/${hosted.id}`,
    });
  });

  it('a succeeded intent: the amount received and the charge; a declined one: the card error', () => {
    expect(stripeSucceededPaymentIntent({ amount: 700, latest_charge: 'ch_1' })).toMatchObject({
      status: 'succeeded',
      amount_received: 700,
      latest_charge: 'ch_1',
      last_payment_error: null,
    });
    const failure = { code: 'card_declined', declineCode: 'lost_card', message: 'Lost.' };
    expect(stripeDeclinedPaymentIntent(failure, { latest_charge: 'ch_2' })).toMatchObject({
      status: 'requires_payment_method',
      amount_received: 0,
      latest_charge: 'ch_2',
      payment_method: null,
      last_payment_error: { charge: 'ch_2', code: 'card_declined', decline_code: 'lost_card' },
    });
    const noDeclineCode = stripeDeclinedPaymentIntent({ ...failure, declineCode: null });
    expect(noDeclineCode.last_payment_error).not.toHaveProperty('decline_code');
  });

  it('a charge copies its intent; a refund and a dispute point at their charge and intent', () => {
    const charge = stripeCharge({ payment_intent: 'pi_1', amount: 900, metadata: { a: 'b' } });
    expect(charge).toMatchObject({ payment_intent: 'pi_1', amount: 900, amount_captured: 900 });
    expect(charge.receipt_url).toContain(charge.id);
    for (const made of [
      stripeRefund({ charge: 'ch_1', payment_intent: 'pi_1' }),
      stripeDispute({ charge: 'ch_1', payment_intent: 'pi_1' }),
    ]) {
      expect(made).toMatchObject({ charge: 'ch_1', payment_intent: 'pi_1', amount: 5000 });
    }
  });
});

describe('a built event, signed', () => {
  it('verifies with stripe-node and reads back as the same event', () => {
    const event = stripeEvent('charge.dispute.created', stripeDispute(), { livemode: true });
    const payload = JSON.stringify(event, null, 2);
    const header = signWebhookPayload(payload, 'whsec_builders');
    const read = new Stripe('sk_test_unused').webhooks.constructEvent(
      payload,
      header,
      'whsec_builders',
    );
    expect(read).toEqual(event);
    expect(read).toMatchObject({ api_version: Stripe.API_VERSION, livemode: true });
  });
});

/** Adaptive Pricing, through stripe-node: on unless the create call turns it off; the merchant's amount stays. */
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { sessionParams } from './helpers';
import { useEmulatorWithReceiver } from './use-emulator-with-receiver';

const { emu, stripe, receiver } = useEmulatorWithReceiver();

const completedSession = async () => {
  await emu.control.waitForDeliveries();
  const event = receiver.received.find((r) => r.event.type === 'checkout.session.completed');
  return event?.event.data.object as Stripe.Checkout.Session;
};

describe('Adaptive Pricing', () => {
  it('is on when the create call does not mention it, and off when it says so', async () => {
    const byDefault = await stripe.checkout.sessions.create(sessionParams(emu));
    expect(byDefault.adaptive_pricing).toEqual({ enabled: true });
    const off = await stripe.checkout.sessions.create(
      sessionParams(emu, { adaptive_pricing: { enabled: false } }),
    );
    expect(off.adaptive_pricing).toEqual({ enabled: false });
    expect(byDefault.presentment_details).toBeUndefined();
  });

  it('a paid session keeps the clinic amount and reports what the payer paid in euros', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    emu.control.paySession(session.id);
    const presented = { presentment_amount: 4500, presentment_currency: 'eur' };

    const paid = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['payment_intent'],
    });
    expect(paid).toMatchObject({
      amount_total: 5000,
      currency: 'usd',
      payment_status: 'paid',
      presentment_details: presented,
    });
    const pi = paid.payment_intent as Stripe.PaymentIntent;
    expect(pi).toMatchObject({ amount: 5000, currency: 'usd', presentment_details: presented });
    const charge = await stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({ amount: 5000, currency: 'usd', presentment_details: presented });
    expect((await completedSession()).presentment_details).toEqual(presented);

    const refund = await stripe.refunds.create({ payment_intent: pi.id, amount: 1000 });
    expect(refund.presentment_details).toEqual({
      presentment_amount: 900,
      presentment_currency: 'eur',
    });
  });

  it('rounds to the presentment currency: yen have no minor unit, KWD three decimals in tens', async () => {
    const yen = await stripe.checkout.sessions.create(sessionParams(emu));
    emu.control.paySession(yen.id, undefined, { presentmentCurrency: 'JPY' });
    const yenIntent = emu.control.objects().paymentIntents[0];
    expect(yenIntent?.presentment_details).toEqual({
      presentment_amount: 7500,
      presentment_currency: 'jpy',
    });

    const odd = await stripe.checkout.sessions.create(
      sessionParams(emu, {
        line_items: [
          {
            quantity: 1,
            price_data: { currency: 'usd', unit_amount: 1234, product_data: { name: 'Visit' } },
          },
        ],
      }),
    );
    const paid = emu.control.paySession(odd.id, undefined, { presentmentCurrency: 'kwd' });
    // 12.34 USD × 0.31 = 3.8254 KWD → 3825 thousandths → 3830, the nearest multiple of 10.
    expect(paid.paymentIntent.presentment_details).toEqual({
      presentment_amount: 3830,
      presentment_currency: 'kwd',
    });
  });

  it('reports nothing when Adaptive Pricing is off or the payer keeps the session currency', async () => {
    const off = await stripe.checkout.sessions.create(
      sessionParams(emu, { adaptive_pricing: { enabled: false } }),
    );
    emu.control.paySession(off.id, undefined, { presentmentCurrency: 'eur' });
    const same = await stripe.checkout.sessions.create(sessionParams(emu));
    emu.control.paySession(same.id, undefined, { presentmentCurrency: 'usd' });
    for (const id of [off.id, same.id]) {
      const session = await stripe.checkout.sessions.retrieve(id, { expand: ['payment_intent'] });
      expect(session.amount_total).toBe(5000);
      expect(session).not.toHaveProperty('presentment_details');
      expect(session.payment_intent).not.toHaveProperty('presentment_details');
    }
  });

  it('takes the payer currency over the control HTTP API and refuses an unknown one', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams(emu));
    const bad = await fetch(`${emu.url}/_emulator/checkout/sessions/${session.id}/pay`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ presentment_currency: 'xxx' }),
    });
    expect(bad.status).toBe(400);
    const good = await fetch(`${emu.url}/_emulator/checkout/sessions/${session.id}/pay`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ presentment_currency: 'gbp' }),
    });
    const body = (await good.json()) as { session: Stripe.Checkout.Session };
    expect(body.session.presentment_details).toEqual({
      presentment_amount: 4000,
      presentment_currency: 'gbp',
    });
  });
});

/// <reference lib="dom" />
// (Callbacks passed to page.evaluate run in the browser.)
/** Paying in the real react-stripe-js Embedded Checkout, served offline by the Stripe emulator. */
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { BUSINESS_NAME, CARDS, type ShopPage } from './support/harness.js';
import { useCheckoutHarness } from './support/use-checkout-harness.js';

const h = useCheckoutHarness();

/** The id of the element focused inside the checkout frame. */
const focusedInFrame = (shop: ShopPage) =>
  shop.checkout.locator('body').evaluate(() => document.activeElement?.id ?? null);

async function paymentIntentOf(sessionId: string) {
  const session = await h.stripe.checkout.sessions.retrieve(sessionId, {
    expand: ['payment_intent'],
  });
  return { session, intent: session.payment_intent as Stripe.PaymentIntent | null };
}

describe('paying with Stripe’s test cards', () => {
  it('4242: onComplete is called in the page and a verified checkout.session.completed arrives', async () => {
    const session = await h.createSession();
    const shop = await h.openShop(session);
    await shop.payButton().waitFor();
    expect(await shop.checkout.locator('main').innerText()).toContain(BUSINESS_NAME);
    expect(await shop.payButton().innerText()).toBe('Pay $60.00');
    await shop.screenshot('01-form');

    await shop.fillCard(CARDS.success);
    await shop.payButton().click();
    await shop.checkout.getByRole('heading', { name: 'Payment successful' }).waitFor();
    await shop.page.getByText('Payment complete: onComplete called 1 time').waitFor();
    await shop.screenshot('02-paid');

    await h.emulator.control.waitForDeliveries(10_000);
    const { session: paid, intent } = await paymentIntentOf(session.id);
    expect(paid).toMatchObject({ status: 'complete', payment_status: 'paid' });
    expect(paid.customer_details?.name).toBe('Ada Lovelace');
    expect(h.receiver.typesFor(session.id, intent?.id ?? null)).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);
    expect(h.receiver.rejected()).toBe(0);
    expect(shop.errors).toEqual([]);
    await shop.page.close();
  });

  it('0002: shows the reason and moves focus to it, then 4242 pays the same session', async () => {
    const session = await h.createSession();
    const shop = await h.openShop(session);
    await shop.fillCard(CARDS.declined);
    await shop.payButton().click();
    const alert = shop.checkout.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('Your card was declined. Try another card.');
    await expect.poll(() => focusedInFrame(shop)).toBe('form-error');
    await shop.screenshot('03-declined');

    const declined = await paymentIntentOf(session.id);
    expect(declined.session.status).toBe('open');
    expect(declined.intent?.last_payment_error?.decline_code).toBe('generic_decline');

    await shop.checkout.getByLabel('Card number').fill(CARDS.success);
    await shop.payButton().click();
    await shop.checkout.getByRole('heading', { name: 'Payment successful' }).waitFor();
    await shop.page.getByText('Payment complete: onComplete called 1 time').waitFor();

    await h.emulator.control.waitForDeliveries(10_000);
    const { session: paid, intent } = await paymentIntentOf(session.id);
    expect(paid.payment_status).toBe('paid');
    expect(h.receiver.typesFor(session.id, intent?.id ?? null)).toEqual([
      'payment_intent.created',
      'charge.failed',
      'payment_intent.payment_failed',
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);
    await shop.page.close();
  });

  it.each([
    ['9995', CARDS.insufficientFunds, 'Your card has insufficient funds. Try another card.'],
    ['0069', CARDS.expired, 'Your card has expired. Try another card.'],
  ])('%s: says why the card was declined', async (_name, number, message) => {
    const session = await h.createSession();
    const shop = await h.openShop(session);
    await shop.fillCard(number);
    await shop.payButton().click();
    await shop.checkout.getByText(message).waitFor();
    expect((await paymentIntentOf(session.id)).session.status).toBe('open');
    expect(await shop.page.getByRole('status').innerText()).toBe('Waiting for payment');
    await shop.page.close();
  });

  it('3155: Complete authenticates and pays', async () => {
    const session = await h.createSession();
    const shop = await h.openShop(session);
    await shop.fillCard(CARDS.authenticate);
    await shop.payButton().click();
    const step = shop.checkout.getByRole('heading', { name: 'Confirm this payment' });
    await step.waitFor();
    await expect.poll(() => focusedInFrame(shop)).toBe('authenticate-title');
    await shop.screenshot('04-authenticate');
    expect((await paymentIntentOf(session.id)).intent?.status).toBe('requires_action');

    await shop.checkout.getByRole('button', { name: 'Complete' }).click();
    await shop.checkout.getByRole('heading', { name: 'Payment successful' }).waitFor();
    await shop.page.getByText('Payment complete: onComplete called 1 time').waitFor();
    expect((await paymentIntentOf(session.id)).session.payment_status).toBe('paid');
    await shop.page.close();
  });

  it('3155: Fail declines, and the card form comes back for another card', async () => {
    const session = await h.createSession();
    const shop = await h.openShop(session);
    await shop.fillCard(CARDS.authenticate);
    await shop.payButton().click();
    await shop.checkout.getByRole('button', { name: 'Fail' }).click();
    const alert = shop.checkout.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('We are unable to authenticate your payment method.');
    await shop.payButton().waitFor();
    await shop.screenshot('05-authentication-failed');

    await h.emulator.control.waitForDeliveries(10_000);
    const { session: open, intent } = await paymentIntentOf(session.id);
    expect(open.status).toBe('open');
    expect(intent).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: { code: 'payment_intent_authentication_failure' },
    });
    expect(h.receiver.typesFor(session.id, intent?.id ?? null)).toEqual([
      'payment_intent.created',
      'payment_intent.requires_action',
      'payment_intent.payment_failed',
    ]);
    expect(await shop.page.getByRole('status').innerText()).toBe('Waiting for payment');
    await shop.page.close();
  });
});

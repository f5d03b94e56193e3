/** Paying in the real react-stripe-js Embedded Checkout, served offline by the Stripe emulator. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUSINESS_NAME,
  CARDS,
  startCheckoutHarness,
  type CheckoutHarness,
} from './support/harness.js';

let h: CheckoutHarness;
beforeAll(async () => {
  h = await startCheckoutHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('Embedded Checkout against the emulator', () => {
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
    const paid = await h.stripe.checkout.sessions.retrieve(session.id);
    expect(paid).toMatchObject({ status: 'complete', payment_status: 'paid' });
    const completed = h.receiver.events.find(
      (e) => e.type === 'checkout.session.completed' && e.data.object.id === session.id,
    );
    expect(completed?.data.object).toMatchObject({ status: 'complete', payment_status: 'paid' });
    expect(h.receiver.rejected()).toBe(0);
    expect(shop.errors).toEqual([]);
    await shop.page.close();
  });
});

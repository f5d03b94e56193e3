/// <reference lib="dom" />
// (Callbacks passed to page.evaluate run in the browser.)
/** The checkout page by keyboard alone, its announcements, and on a 390 px phone. */
import { describe, expect, it } from 'vitest';
import { CARDS, type ShopPage } from './support/harness.js';
import { useCheckoutHarness } from './support/use-checkout-harness.js';

const h = useCheckoutHarness();

/** What has focus: in the checkout frame if focus is there, else in the shop. */
async function focused(shop: ShopPage): Promise<string> {
  const inFrame = await shop.checkout.locator('body').evaluate(() => {
    const el = document.activeElement;
    return document.hasFocus() && el && el !== document.body ? el.id || el.tagName : null;
  });
  if (inFrame) return `frame:${inFrame}`;
  return shop.page.evaluate(() => document.activeElement?.textContent ?? '');
}

async function tab(shop: ShopPage, times = 1) {
  for (let i = 0; i < times; i++) await shop.page.keyboard.press('Tab');
}

describe('accessibility', () => {
  it('pays by keyboard alone: Tab through labelled fields, Enter on Pay', async () => {
    const session = await h.createSession();
    const shop = await h.openShop(session);
    await shop.payButton().waitFor();
    const { keyboard } = shop.page;

    await tab(shop);
    await expect.poll(() => focused(shop)).toBe('Unmount checkout');
    await tab(shop);
    await expect.poll(() => focused(shop)).toBe('frame:number');

    // An empty form: Enter on Pay puts focus on the first field that needs fixing.
    await tab(shop, 4);
    await expect.poll(() => focused(shop)).toBe('frame:pay');
    await keyboard.press('Enter');
    await shop.checkout.getByText('Enter your card number.').waitFor();
    await expect.poll(() => focused(shop)).toBe('frame:number');
    expect(await shop.checkout.getByLabel('Card number').getAttribute('aria-invalid')).toBe('true');
    await shop.screenshot('10-field-errors');

    await keyboard.type('4242424242424242');
    // Editing a field clears its stale error; the others keep theirs until they are edited.
    expect(await shop.checkout.getByText('Enter your card number.').count()).toBe(0);
    expect(await shop.checkout.getByLabel('Card number').getAttribute('aria-invalid')).toBeNull();
    expect(await shop.checkout.getByText('Enter the name on your card.').count()).toBe(1);
    await tab(shop);
    await keyboard.type('1234');
    await tab(shop);
    await keyboard.type('123');
    await tab(shop);
    await keyboard.type('Ada Lovelace');
    expect(await shop.checkout.getByLabel('Card number').inputValue()).toBe('4242 4242 4242 4242');
    expect(await shop.checkout.getByLabel('Expiry').inputValue()).toBe('12 / 34');
    await tab(shop);
    await expect.poll(() => focused(shop)).toBe('frame:pay');
    expect(await shop.checkout.locator('.field-error:not([hidden])').count()).toBe(0);
    await shop.screenshot('11-keyboard-on-pay');
    await keyboard.press('Enter');

    await shop.checkout.getByRole('heading', { name: 'Payment successful' }).waitFor();
    await expect.poll(() => focused(shop)).toBe('frame:outcome-title');
    await expect
      .poll(() => shop.checkout.getByRole('status').innerText())
      .toBe('Payment successful.');
    await shop.page.getByText('Payment complete: onComplete called 1 time').waitFor();
    await shop.page.close();
  });

  it('announces progress and declines in live regions', async () => {
    const session = await h.createSession();
    const shop = await h.openShop(session);
    await shop.payButton().waitFor();
    expect(await shop.checkout.locator('#status').getAttribute('aria-live')).toBe('polite');
    await shop.fillCard(CARDS.declined);
    await shop.payButton().press('Enter');
    const alert = shop.checkout.getByRole('alert');
    await alert.waitFor();
    await expect.poll(() => focused(shop)).toBe('frame:form-error');
    expect(await shop.checkout.getByLabel('Card number').getAttribute('aria-invalid')).toBe('true');
    // The card field's description now includes why it was refused.
    const describedBy = await shop.checkout
      .getByLabel('Card number')
      .getAttribute('aria-describedby');
    expect(describedBy?.split(' ')).toContain('form-error');
    await shop.page.close();
  });

  it('fits a 390 px phone with no horizontal scrolling, in every state', async () => {
    const session = await h.createSession({
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: 'usd',
            unit_amount: 123456,
            product_data: { name: 'Physiotherapy session with a long name that has to wrap' },
          },
        },
      ],
    });
    const shop = await h.openShop(session, { viewport: { width: 390, height: 844 } });
    await shop.payButton().waitFor();
    const overflow = async () => ({
      shop: await shop.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
      frame: await shop.checkout
        .locator('body')
        .evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
    });
    expect(await overflow()).toEqual({ shop: 0, frame: 0 });
    const frameWidth = await shop.page
      .locator('iframe')
      .evaluate((f) => f.getBoundingClientRect().width);
    expect(frameWidth).toBeLessThanOrEqual(390);
    await shop.screenshot('12-phone-390');

    await shop.fillCard(CARDS.insufficientFunds);
    await shop.payButton().click();
    await shop.checkout.getByRole('alert').waitFor();
    expect(await overflow()).toEqual({ shop: 0, frame: 0 });
    // The frame grew to its content: nothing is cut off below the Pay button.
    const pay = await shop.payButton().boundingBox();
    const frame = await shop.page.locator('iframe').boundingBox();
    expect(pay && frame && pay.y + pay.height <= frame.y + frame.height).toBe(true);
    await shop.screenshot('13-phone-390-declined');
    await shop.page.close();
  });
});

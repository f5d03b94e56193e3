/// <reference lib="dom" />
// (Callbacks passed to page.evaluate run in the browser.)
/** The stand-in as Stripe.js: one live Embedded Checkout, mount/unmount/remount, keys, loading. */
// Types `window.Stripe` (a StripeConstructor) for the callbacks below.
import type {} from '@stripe/stripe-js';
import { describe, expect, it } from 'vitest';
import { CARDS } from './support/harness.js';
import { DEMO_KEYS } from '@clinicpay/demo';
import { useCheckoutHarness } from './support/use-checkout-harness.js';

const h = useCheckoutHarness();

const MULTIPLE = 'You cannot have multiple Embedded Checkout objects.';

describe('Embedded Checkout lifecycle', () => {
  it('mounts (under StrictMode), unmounts and mounts again without the "multiple objects" error', async () => {
    const session = await h.createSession();
    const shop = await h.openShop(session);
    await shop.payButton().waitFor();
    const frames = shop.page.locator('iframe[title="Embedded Checkout"]');
    expect(await frames.count()).toBe(1);

    await shop.page.getByRole('button', { name: 'Unmount checkout' }).click();
    await frames.first().waitFor({ state: 'detached' });
    await shop.page.getByRole('button', { name: 'Mount checkout' }).click();
    await shop.payButton().waitFor();
    expect(await frames.count()).toBe(1);
    await shop.screenshot('08-remounted');

    // The remounted checkout is live: it pays, and onComplete reaches the new provider.
    await shop.fillCard(CARDS.success);
    await shop.payButton().click();
    await shop.page.getByText('Payment complete: onComplete called 1 time').waitFor();
    expect(shop.errors.filter((e) => e.includes(MULTIPLE))).toEqual([]);
    expect(shop.errors).toEqual([]);
    await shop.page.close();
  });

  it('refuses a second live Embedded Checkout, as Stripe.js does, until the first is destroyed', async () => {
    const session = await h.createSession();
    const shop = await h.openShop(session);
    await shop.payButton().waitFor();
    const outcome = await shop.page.evaluate(
      async ({ key, secret }) => {
        return window.Stripe!(key)
          .createEmbeddedCheckoutPage({ clientSecret: secret })
          .then(
            () => 'created',
            (e: Error) => `${e.name}: ${e.message}`,
          );
      },
      { key: DEMO_KEYS.publishableKey, secret: session.client_secret ?? '' },
    );
    // The shop's provider holds the live one.
    expect(outcome).toBe(`IntegrationError: ${MULTIPLE}`);

    await shop.page.getByRole('button', { name: 'Unmount checkout' }).click();
    const afterDestroy = await shop.page.evaluate(
      async ({ key, secret }) => {
        const stripe = window.Stripe!(key);
        const checkout = await stripe.createEmbeddedCheckoutPage({ clientSecret: secret });
        const box = document.createElement('div');
        document.body.appendChild(box);
        checkout.mount(box);
        checkout.unmount();
        checkout.mount(box);
        const mounted = box.querySelectorAll('iframe').length;
        checkout.destroy();
        let afterDestroyMount = '';
        try {
          checkout.mount(box);
        } catch (error) {
          afterDestroyMount = (error as Error).message;
        }
        return { mounted, left: box.querySelectorAll('iframe').length, afterDestroyMount };
      },
      { key: DEMO_KEYS.publishableKey, secret: session.client_secret ?? '' },
    );
    expect(afterDestroy).toEqual({
      mounted: 1,
      left: 0,
      afterDestroyMount:
        'This Embedded Checkout has been destroyed. Create a new one with createEmbeddedCheckoutPage.',
    });
    await shop.page.close();
  });

  it('rejects an unknown publishable key and a secret key with Stripe’s messages', async () => {
    const session = await h.createSession();
    const unknownKey = 'pk_test_notAKeyTheEmulatorKnows';
    const shop = await h.openShop(session, { publishableKey: unknownKey });
    await shop.page.waitForFunction(() => 'Stripe' in window);
    const errors = await shop.page.evaluate(
      async ({ key, secret, secretKey }) => {
        const Stripe = window.Stripe!;
        const unknown = await Stripe(key)
          .createEmbeddedCheckoutPage({ clientSecret: secret })
          .catch((e: Error) => e.message);
        let secretKeyError = '';
        try {
          Stripe(secretKey);
        } catch (error) {
          secretKeyError = (error as Error).message;
        }
        const unsupported = await Stripe('pk_test_x')
          .confirmCardPayment('pi_1')
          .catch((e: Error) => e.message);
        return { unknown, secretKeyError, unsupported };
      },
      { key: unknownKey, secret: session.client_secret ?? '', secretKey: DEMO_KEYS.secretKey },
    );
    expect(errors).toEqual({
      unknown: `Invalid API Key provided: pk_test_${'*'.repeat(19)}nows`,
      secretKeyError:
        'You should not use your secret key with Stripe.js. Please pass a publishable key instead.',
      unsupported: expect.stringContaining('is not supported by the Stripe emulator'),
    });
    // The shop's own provider met the same refusal (uncaught, as with Stripe.js) and mounted nothing.
    await expect.poll(() => shop.errors.join('\n')).toContain('Invalid API Key provided: pk_test_');
    expect(await shop.page.locator('iframe').count()).toBe(0);
    await shop.page.close();
  });

  it('checks origins both ways: forged messages and frames are ignored', async () => {
    const session = await h.createSession();
    const shop = await h.openShop(session);
    await shop.payButton().waitFor();
    // A "complete" from the shop's own window (not the frame, not the emulator's origin).
    await shop.page.evaluate(() =>
      window.postMessage({ source: 'clinicpay-stripe-emulator', type: 'complete' }, '*'),
    );
    // A frame of the checkout page that names another parent than the real one.
    await shop.page.evaluate((emulatorUrl) => {
      const frame = document.createElement('iframe');
      frame.id = 'forged';
      frame.src = `${emulatorUrl}/checkout/embedded#parent=${encodeURIComponent('http://evil.example')}`;
      document.body.appendChild(frame);
    }, h.emulator.url);
    const forged = shop.page.frameLocator('#forged');
    await forged.getByRole('heading', { name: 'Checkout could not load' }).waitFor();
    expect(await forged.locator('#outcome-text').innerText()).toBe(
      'This page opens inside Embedded Checkout: mount it with Stripe.js.',
    );
    expect(await forged.getByLabel('Card number').isVisible()).toBe(false);
    expect(await shop.page.getByRole('status').innerText()).toBe('Waiting for payment');

    // Opened on its own, the page asks to be framed.
    const alone = await h.browser.newPage();
    await alone.goto(`${h.emulator.url}/checkout/embedded`);
    await alone.getByRole('heading', { name: 'Checkout could not load' }).waitFor();
    await alone.close();
    await shop.page.close();
  });

  it('without the stand-in, loadStripe asks js.stripe.com for the real Stripe.js', async () => {
    const session = await h.createSession();
    const requested: string[] = [];
    const page = await h.browser.newPage();
    await page.route('https://js.stripe.com/**', async (route) => {
      requested.push(route.request().url());
      await route.abort();
    });
    const query = new URLSearchParams({
      pk: DEMO_KEYS.publishableKey,
      secret: session.client_secret ?? '',
    });
    await page.goto(`${h.shop.url}?${query.toString()}`);
    await expect
      .poll(() => requested, { timeout: 10_000 })
      .toContain('https://js.stripe.com/endive/stripe.js');
    expect(await page.evaluate(() => 'Stripe' in window)).toBe(false);
    await page.close();
  });
});

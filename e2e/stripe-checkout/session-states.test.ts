/** What the payer sees when the session is expired or already paid, and Stripe's redirect. */
import { describe, expect, it } from 'vitest';
import { CARDS } from './support/harness.js';
import { useCheckoutHarness } from './support/use-checkout-harness.js';

const h = useCheckoutHarness();

describe('session states', () => {
  it('an expired session says so, and offers no card form', async () => {
    const session = await h.createSession();
    h.emulator.control.expireSession(session.id);
    const shop = await h.openShop(session);
    await shop.checkout
      .getByRole('heading', { name: 'This checkout session has expired' })
      .waitFor();
    expect(await shop.checkout.locator('main').innerText()).toContain('Nothing was charged.');
    expect(await shop.checkout.getByLabel('Card number').isVisible()).toBe(false);
    await shop.screenshot('06-expired');
    await shop.page.close();
  });

  it('a session that lapses while the page is open shows the expiry on Pay', async () => {
    const session = await h.createSession();
    const shop = await h.openShop(session);
    await shop.fillCard(CARDS.success);
    h.emulator.clock.advance(36 * 60);
    await shop.payButton().click();
    await shop.checkout
      .getByRole('heading', { name: 'This checkout session has expired' })
      .waitFor();
    const expired = await h.stripe.checkout.sessions.retrieve(session.id);
    expect(expired).toMatchObject({ status: 'expired', payment_status: 'unpaid' });
    expect(await shop.page.getByRole('status').innerText()).toBe('Waiting for payment');
    await shop.page.close();
  });

  it('a paid session shows as complete when mounted again, without calling onComplete', async () => {
    const session = await h.createSession();
    h.emulator.control.paySession(session.id);
    const shop = await h.openShop(session);
    await shop.checkout
      .getByRole('heading', { name: 'This payment is already complete' })
      .waitFor();
    expect(await shop.page.getByRole('status').innerText()).toBe('Waiting for payment');
    await shop.page.close();
  });

  it('redirect_on_completion "always" sends the top window to return_url with the session id', async () => {
    const session = await h.createSession({ redirect_on_completion: 'always' });
    const shop = await h.openShop(session);
    await shop.fillCard(CARDS.success);
    await shop.payButton().click();
    await shop.page.waitForURL(/\/return\.html\?/);
    expect(new URL(shop.page.url()).searchParams.get('session_id')).toBe(session.id);
    expect(await shop.page.locator('#returned').innerText()).toBe(
      `Returned from checkout with session ${session.id}`,
    );
    await shop.screenshot('07-returned');
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).status).toBe('complete');
    await shop.page.close();
  });

  it('redirect_on_completion "never" calls onComplete and stays on the page', async () => {
    const session = await h.createSession({
      redirect_on_completion: 'never',
      return_url: undefined,
    });
    const shop = await h.openShop(session, { option: 'clientSecret' });
    const before = shop.page.url();
    await shop.fillCard(CARDS.success);
    await shop.payButton().click();
    await shop.page.getByText('Payment complete: onComplete called 1 time').waitFor();
    expect(shop.page.url()).toBe(before);
    await shop.page.close();
  });
});

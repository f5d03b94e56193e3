// "Test the checkout" on Payment Settings › Stripe (Sandbox): the saved keys open a real Embedded
// Checkout in the admin's page, and a Publishable Key of another Stripe account, which saves fine
// on its own, shows "Stripe gateway is not properly configured" with Stripe.js's reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdmin, signIn, toast, type AdminPage } from './support/admin-page.js';
import { startAdminStack, type AdminStack } from './support/admin-stack.js';

describe('Test the checkout', () => {
  let stack: AdminStack;
  let admin: AdminPage;
  beforeAll(async () => {
    stack = await startAdminStack();
  });
  afterAll(async () => {
    await admin?.close();
    await stack?.stop();
  });

  it('opens the card form with the saved keys, and names a key pair from two accounts', async () => {
    admin = await openAdmin(stack.browser, stack.adminUrl, { path: 'payment-settings/stripe' });
    const { page } = admin;
    await signIn(page, 'Stripe');

    await page.getByRole('button', { name: 'Test the checkout' }).click();
    const frame = page.frameLocator('iframe[title="Embedded Checkout"]');
    await frame.getByLabel('Card number').waitFor();
    await admin.screenshot('checkout-test-01-open');
    const sessions = stack.stripe.control.objects('test').checkoutSessions;
    expect(sessions.at(-1)?.metadata).toEqual({ purpose: 'clinicpay_checkout_test' });

    // Another account's Publishable Key: Stripe checks only the secret key on save.
    const other = stack.stripe.control.createAccount();
    await page.getByLabel('Publishable Key').fill(other.publishableKey);
    await page.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'Stripe settings saved');

    await page.getByRole('button', { name: 'Test the checkout' }).click();
    const refusal = page
      .getByRole('alert')
      .filter({ hasText: 'Stripe gateway is not properly configured' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(
      'The client_secret provided does not match any associated Checkout Session on this account',
    );
    await admin.screenshot('checkout-test-02-two-accounts');
  });
});

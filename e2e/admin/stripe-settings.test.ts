// Stripe set up from scratch in Sandbox (Test), as a clinic does it: a key of the wrong mode is
// refused with its message, a key Stripe refuses leaves Stripe "not properly configured" with
// Stripe's reason, good keys are saved and only ever shown masked, and no secret reaches the page
// or any response. The Webhook URL is copied to the clipboard.
import { generateApiKey } from '@clinicpay/stripe-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../patient/support/booking-page.js';
import { openAdmin, openSection, signIn, toast, type AdminPage } from './support/admin-page.js';
import { startAdminStack, type AdminStack } from './support/admin-stack.js';
import { forgetStripeSettings } from './support/stripe-settings.js';
import { DEMO_KEYS } from '@clinicpay/demo';

describe('Stripe settings from scratch', () => {
  let stack: AdminStack;
  let admin: AdminPage;
  beforeAll(async () => {
    stack = await startAdminStack();
    await forgetStripeSettings(stack);
  });
  afterAll(async () => {
    await admin?.close();
    await stack?.stop();
  });

  it('refuses wrong keys with their reasons, saves good ones, and never shows a secret', async () => {
    admin = await openAdmin(stack.browser, stack.adminUrl, { path: 'payment-settings' });
    const { page } = admin;
    await signIn(page, 'Payment Settings');
    const stripeRow = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /^Stripe/ }) });
    await stripeRow.getByText('Keys are missing for this mode').waitFor();
    expect(await page.getByRole('switch', { name: 'Enable Stripe' }).isChecked()).toBe(false);
    await admin.screenshot('settings-01-gateways-unconfigured');

    // Turning Stripe on without keys is refused by the API, in its words.
    await page.getByRole('switch', { name: 'Enable Stripe' }).click({ force: true });
    await toast(page, 'Stripe was not changed.');
    expect(await page.getByRole('switch', { name: 'Enable Stripe' }).isChecked()).toBe(false);

    await page.getByRole('link', { name: 'Manage Stripe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Stripe' }).waitFor();
    const secret = page.getByLabel('Secret API Key');
    const publishable = page.getByLabel('Publishable Key');
    const signing = page.getByLabel('Webhook Signing Secret');
    expect(await page.getByRole('radio', { name: /Sandbox \(Test\)/ }).isChecked()).toBe(true);
    expect(await secret.getAttribute('type')).toBe('password');

    // A live key in Sandbox (Test): refused on its field before anything is sent.
    const liveKey = generateApiKey('sk', 'live');
    await page.getByRole('checkbox', { name: 'Enable Stripe' }).check({ force: true });
    await secret.fill(liveKey);
    await publishable.fill(DEMO_KEYS.publishableKey);
    await signing.fill(DEMO_KEYS.webhookSigningSecret);
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByText('This is a live key (sk_live_…) but Mode is Sandbox (Test).', { exact: false })
      .waitFor();
    expect(await secret.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe(
      'password',
    );
    await admin.screenshot('settings-02-wrong-mode');

    // A well-formed test key Stripe does not know: "not properly configured", with Stripe's reason.
    await secret.fill(generateApiKey('sk', 'test'));
    await page.getByRole('button', { name: 'Save' }).click();
    const refusal = page
      .getByRole('alert')
      .filter({ hasText: 'Stripe gateway is not properly configured' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(
      "Stripe's reason: Invalid API Key provided: sk_test_…",
    );
    await admin.screenshot('settings-03-not-configured');
    expect(await page.getByRole('heading', { name: 'Webhook health' }).isVisible()).toBe(true);

    // The emulator's keys: saved, and shown masked afterwards.
    await secret.fill(DEMO_KEYS.secretKey);
    await page.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'Stripe settings saved');
    expect(await secret.inputValue()).toBe('');
    expect(await signing.inputValue()).toBe('');
    const maskedSecret = `sk_test_…${DEMO_KEYS.secretKey.slice(-4)}`;
    const maskedSigning = `whsec_…${DEMO_KEYS.webhookSigningSecret.slice(-4)}`;
    await page.getByText(maskedSecret).waitFor();
    await page.getByText(maskedSigning).waitFor();
    await admin.screenshot('settings-04-saved');

    // After a reload too; and the gateway list shows Stripe on in Sandbox (Test).
    await page.reload();
    await page.getByText(maskedSecret).waitFor();
    await openSection(page, 'Payment Settings');
    expect(await page.getByRole('switch', { name: 'Enable Stripe' }).isChecked()).toBe(true);
    await stripeRow.getByText('Sandbox (Test)').waitFor();

    // No secret in the page, nor in anything the API sent back.
    const html = await page.content();
    for (const value of [DEMO_KEYS.secretKey, DEMO_KEYS.webhookSigningSecret, liveKey]) {
      expect(html).not.toContain(value);
      expect(admin.responses.filter((body) => body.includes(value))).toEqual([]);
    }
    expect(admin.responses.length).toBeGreaterThan(10);
    const stored = await stack.api.db
      .selectFrom('gateway_settings')
      .select(['enabled', 'mode', 'test_publishable_key', 'test_secret_key_encrypted'])
      .where('gateway', '=', 'stripe')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      enabled: true,
      mode: 'test',
      test_publishable_key: DEMO_KEYS.publishableKey,
    });
    expect(stored.test_secret_key_encrypted).not.toContain(DEMO_KEYS.secretKey);
    expect(admin.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });

  it('copies the Webhook URL, and lists every event to select in Stripe', async () => {
    const { page, context } = admin;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(stack.adminUrl).origin,
    });
    await page.getByRole('link', { name: 'Manage Stripe' }).click();
    const url = page.getByLabel('Webhook URL', { exact: true });
    expect(await url.inputValue()).toBe(`${stack.patientUrl}webhooks/stripe`);
    expect(await url.getAttribute('readonly')).not.toBeNull();
    await page.getByRole('button', { name: 'Copy Webhook URL' }).click();
    await toast(page, 'Webhook URL copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${stack.patientUrl}webhooks/stripe`,
    );
    const events = await page
      .getByRole('list', { name: 'Events to select' })
      .getByRole('listitem')
      .allInnerTexts();
    expect(events).toEqual(
      expect.arrayContaining([
        'payment_intent.succeeded',
        'payment_intent.payment_failed',
        'checkout.session.completed',
        'charge.refunded',
        'checkout.session.expired',
        'charge.dispute.created',
      ]),
    );
    expect(events.length).toBeGreaterThanOrEqual(10);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

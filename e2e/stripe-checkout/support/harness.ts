/**
 * Everything a checkout browser test needs: the Stripe emulator in-process (its webhooks going to
 * a verifying receiver), stripe-node pointed at it, the test shop on Vite, and Chromium.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startEmulator, type RunningEmulator } from '@clinicpay/stripe-emulator';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import Stripe from 'stripe';
import { launchBrowser } from '../../support/browser.js';
import { startTestPage, type TestPage } from './test-page.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';
import { DEMO_KEYS } from '@clinicpay/demo';

export const BUSINESS_NAME = 'Riverside Family Clinic';
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

export const CARDS = {
  success: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
  insufficientFunds: '4000 0000 0000 9995',
  expired: '4000 0000 0000 0069',
  authenticate: '4000 0025 0000 3155',
} as const;

export interface ShopPage {
  page: Page;
  /** The embedded checkout's frame. */
  checkout: FrameLocator;
  /** Console errors and uncaught exceptions, from the shop and from the frame. */
  errors: string[];
  fillCard(number: string): Promise<void>;
  payButton(): ReturnType<FrameLocator['getByRole']>;
  screenshot(name: string): Promise<void>;
}

export interface OpenOptions {
  /** Load the emulator's stand-in first (default); without it, loadStripe wants js.stripe.com. */
  standIn?: boolean;
  option?: 'clientSecret' | 'fetchClientSecret';
  publishableKey?: string;
  viewport?: { width: number; height: number };
}

export interface CheckoutHarness {
  emulator: RunningEmulator;
  stripe: Stripe;
  receiver: WebhookReceiver;
  shop: TestPage;
  browser: Browser;
  createSession(
    overrides?: Partial<Stripe.Checkout.SessionCreateParams>,
  ): Promise<Stripe.Checkout.Session>;
  openShop(session: Stripe.Checkout.Session, options?: OpenOptions): Promise<ShopPage>;
  stop(): Promise<void>;
}

export async function startCheckoutHarness(): Promise<CheckoutHarness> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn();
  };
  try {
    const receiver = await startWebhookReceiver(DEMO_KEYS.webhookSigningSecret);
    stops.push(() => receiver.close());
    const emulator = await startEmulator({
      port: 0,
      businessName: BUSINESS_NAME,
      webhooks: [{ url: receiver.url, secret: DEMO_KEYS.webhookSigningSecret }],
    });
    stops.push(() => emulator.stop());
    const shop = await startTestPage();
    stops.push(() => shop.close());
    const browser = await launchBrowser();
    stops.push(() => browser.close());
    await mkdir(ARTIFACTS, { recursive: true });

    const stripe = new Stripe(DEMO_KEYS.secretKey, {
      host: '127.0.0.1',
      port: emulator.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });

    return {
      emulator,
      stripe,
      receiver,
      shop,
      browser,
      stop,
      createSession: (overrides = {}) =>
        stripe.checkout.sessions.create({
          mode: 'payment',
          ui_mode: 'embedded_page',
          redirect_on_completion: 'if_required',
          return_url: `${shop.url}return.html?session_id={CHECKOUT_SESSION_ID}`,
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: 'usd',
                unit_amount: 6000,
                product_data: { name: `Appointment at ${BUSINESS_NAME}` },
              },
            },
          ],
          customer_email: 'patient@example.com',
          expires_at: emulator.clock.now() + 35 * 60,
          ...overrides,
        }),
      openShop: (session, options = {}) => openShop(browser, shop, emulator, session, options),
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function openShop(
  browser: Browser,
  shop: TestPage,
  emulator: RunningEmulator,
  session: Stripe.Checkout.Session,
  options: OpenOptions,
): Promise<ShopPage> {
  const page = await browser.newPage({
    viewport: options.viewport ?? { width: 1024, height: 900 },
  });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const query = new URLSearchParams({
    pk: options.publishableKey ?? DEMO_KEYS.publishableKey,
    secret: session.client_secret ?? '',
    option: options.option ?? 'fetchClientSecret',
    ...(options.standIn === false ? {} : { emulator: emulator.url }),
  });
  await page.goto(`${shop.url}?${query.toString()}`);
  const checkout = page.frameLocator('iframe[title="Embedded Checkout"]');
  return {
    page,
    checkout,
    errors,
    payButton: () => checkout.getByRole('button', { name: /^Pay / }),
    async fillCard(number) {
      await checkout.getByLabel('Card number').fill(number);
      await checkout.getByLabel('Expiry').fill('12 / 34');
      await checkout.getByLabel('CVC').fill('123');
      await checkout.getByLabel('Name on card').fill('Ada Lovelace');
    },
    async screenshot(name) {
      await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
    },
  };
}

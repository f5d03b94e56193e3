/** Test helpers: an emulator on a free port, stripe-node clients for it, and a real webhook receiver. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { checkoutSessionParams } from '../src/builders/index';
import { DEMO_KEYS, startEmulator, type EmulatorOptions, type RunningEmulator } from '../src/index';

export function stripeFor(emu: RunningEmulator, key: string = DEMO_KEYS.secretKey): Stripe {
  return new Stripe(key, {
    host: '127.0.0.1',
    port: emu.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
}

export async function startTestEmulator(options: EmulatorOptions = {}) {
  const emu = await startEmulator({ port: 0, seed: 42, ...options });
  return { emu, stripe: stripeFor(emu) };
}

export const inThirtyFiveMinutes = (emu: RunningEmulator) => emu.clock.now() + 35 * 60;

/** The parameters the product sends, with the patient's email: an embedded, payment-mode session. */
export function sessionParams(
  emu: RunningEmulator,
  overrides: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Stripe.Checkout.SessionCreateParams {
  return checkoutSessionParams(inThirtyFiveMinutes(emu), {
    customer_email: 'patient@example.com',
    ...overrides,
  });
}

export interface ReceivedWebhook {
  at: number;
  headers: IncomingHttpHeaders;
  body: string;
  event: Stripe.Event;
}

/**
 * A real local HTTP server standing in for the product's webhook route. `respond` decides the
 * status per request (default 200); every request is recorded, in arrival order.
 */
export async function startReceiver(
  respond: (received: ReceivedWebhook, index: number) => number | Promise<number> = () => 200,
) {
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const item: ReceivedWebhook = {
        at: Date.now(),
        headers: req.headers,
        body,
        event: JSON.parse(body) as Stripe.Event,
      };
      received.push(item);
      void Promise.resolve(respond(item, received.length - 1)).then((status) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end('{"received":true}');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/stripe`,
    received,
    types: () => received.map((r) => r.event.type),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** An emulator that delivers its webhooks to a real receiver, as the product's route gets them. */
export async function startWithReceiver(options: EmulatorOptions = {}) {
  const receiver = await startReceiver();
  const started = await startTestEmulator({
    ...options,
    webhooks: [{ url: receiver.url, secret: DEMO_KEYS.webhookSigningSecret }],
  });
  return { ...started, receiver };
}

export async function stopWithReceiver(emu: RunningEmulator, receiver: Receiver) {
  await emu.stop();
  await receiver.close();
}

/** Lets the previous test's deliveries land before forgetting them and every object. */
export async function forgetPreviousTest(emu: RunningEmulator, receiver: Receiver) {
  await emu.control.waitForDeliveries();
  emu.control.reset();
  receiver.received.length = 0;
}

/** A raw request to the emulator, for what stripe-node would never send. */
export async function raw(
  emu: RunningEmulator,
  path: string,
  init: RequestInit & { key?: string | null } = {},
) {
  const { key = DEMO_KEYS.secretKey, headers, ...rest } = init;
  const response = await fetch(`${emu.url}${path}`, {
    ...rest,
    headers: {
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
      ...(rest.body !== undefined && typeof rest.body === 'string'
        ? { 'Content-Type': 'application/x-www-form-urlencoded' }
        : {}),
      ...(headers as Record<string, string> | undefined),
    },
  });
  const text = await response.text();
  let json: { error?: { type: string; code?: string; message: string; param?: string } } & Record<
    string,
    unknown
  > = {};
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    // Not JSON (the dashboard page): keep the text.
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Catches what a promise rejects with, failing the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (error) {
    return error as Stripe.errors.StripeError;
  }
  throw new Error('Expected the call to fail, but it succeeded');
}

/** Test helpers: an emulator on a free port, stripe-node clients for it, and a real webhook receiver. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
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

/** The parameters the product sends: an embedded, payment-mode session with metadata. */
export function sessionParams(
  emu: RunningEmulator,
  overrides: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Stripe.Checkout.SessionCreateParams {
  return {
    mode: 'payment',
    ui_mode: 'embedded_page',
    return_url: 'https://clinic.example/booking/BK-1/return?session_id={CHECKOUT_SESSION_ID}',
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: 'usd',
          unit_amount: 5000,
          product_data: { name: 'Appointment at Demo Clinic' },
        },
      },
    ],
    metadata: { payment_id: 'pay_123' },
    client_reference_id: 'pay_123',
    customer_email: 'patient@example.com',
    payment_intent_data: { metadata: { payment_id: 'pay_123' } },
    expires_at: inThirtyFiveMinutes(emu),
    ...overrides,
  };
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

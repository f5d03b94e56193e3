import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A local endpoint for the emulator's webhooks that checks each signature the way the product
 * does (stripe-node's `constructEvent`): only verified events are kept; a bad one gets 400.
 */
export async function startWebhookReceiver(secret: string) {
  const stripe = new Stripe('sk_test_unused');
  const events: Stripe.Event[] = [];
  let rejected = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        const header = req.headers['stripe-signature'];
        events.push(stripe.webhooks.constructEvent(Buffer.concat(chunks), String(header), secret));
        res.writeHead(200).end();
      } catch {
        rejected++;
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/stripe`,
    events,
    rejected: () => rejected,
    /** The verified events about one checkout session, its payment intent and charges. */
    typesFor(sessionId: string, paymentIntentId: string | null) {
      return events
        .filter(({ data }) => {
          const object = data.object as { id?: string; payment_intent?: unknown };
          return (
            object.id === sessionId ||
            (paymentIntentId !== null &&
              (object.id === paymentIntentId || object.payment_intent === paymentIntentId))
          );
        })
        .map((event) => event.type);
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/** The CLI: `--port 0 --forward-to URL` starts the emulator and forwards signed events there. */
import { spawn, type ChildProcess } from 'node:child_process';
import Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../src/index';
import { startReceiver } from './helpers';

let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGTERM');
});

function startCli(args: string[]): Promise<string> {
  child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: new URL('..', import.meta.url),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child?.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    child?.once('exit', (code) => reject(new Error(`CLI exited with ${code}: ${output}`)));
  });
}

describe('cli', () => {
  it('forwards signed events to --forward-to with the demo secret', async () => {
    const receiver = await startReceiver();
    try {
      const url = await startCli([
        '--port',
        '0',
        '--forward-to',
        receiver.url,
        '--events',
        'checkout.session.completed',
      ]);
      const port = Number(new URL(url).port);
      const stripe = new Stripe(DEMO_KEYS.secretKey, {
        host: '127.0.0.1',
        port,
        protocol: 'http',
        maxNetworkRetries: 0,
      });
      const session = await stripe.checkout.sessions.create({
        mode: 'payment',
        ui_mode: 'embedded_page',
        return_url: 'https://clinic.example/return?session_id={CHECKOUT_SESSION_ID}',
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: 'eur',
              unit_amount: 4500,
              product_data: { name: 'Appointment' },
            },
          },
        ],
      });
      const paid = await fetch(`${url}/_emulator/checkout/sessions/${session.id}/pay`, {
        method: 'POST',
        body: '{}',
      });
      expect(paid.status).toBe(200);
      await fetch(`${url}/_emulator/deliveries/wait`, { method: 'POST', body: '{}' });
      expect(receiver.types()).toEqual(['checkout.session.completed']);
      const [delivery] = receiver.received;
      const event = stripe.webhooks.constructEvent(
        delivery?.body ?? '',
        String(delivery?.headers['stripe-signature']),
        DEMO_KEYS.webhookSigningSecret,
      );
      expect(event.data.object).toMatchObject({
        id: session.id,
        amount_total: 4500,
        currency: 'eur',
      });
    } finally {
      await receiver.close();
    }
  }, 20_000);
});

/**
 * Runs the emulator from a terminal:
 *   tsx src/cli.ts [--port 12111] [--host 127.0.0.1] [--forward-to URL] [--webhook-secret whsec_…]
 *                  [--events type,type] [--seed N] [--business-name "Riverside Clinic"]
 * With `--forward-to`, events are signed with the webhook secret (the demo secret by default)
 * and delivered to that URL, as `stripe listen --forward-to` does.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_PORT, startEmulator } from './emulator';
import { DEMO_KEYS } from './keys';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: String(DEFAULT_PORT) },
    host: { type: 'string', default: '127.0.0.1' },
    'forward-to': { type: 'string', multiple: true },
    'webhook-secret': { type: 'string', default: DEMO_KEYS.webhookSigningSecret },
    events: { type: 'string' },
    seed: { type: 'string' },
    'business-name': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(
    'Usage: stripe-emulator [--port N] [--host H] [--forward-to URL] [--webhook-secret whsec_…] [--events a,b] [--seed N] [--business-name NAME]',
  );
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got ${values.port}`);
  process.exit(2);
}
const events = values.events
  ? values.events
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean)
  : ['*'];
const secret = values['webhook-secret'];

const emulator = await startEmulator({
  port,
  host: values.host,
  ...(values.seed !== undefined ? { seed: Number(values.seed) } : {}),
  ...(values['business-name'] ? { businessName: values['business-name'] } : {}),
  webhooks: (values['forward-to'] ?? []).map((url) => ({ url, secret, events })),
});

console.log(`Stripe emulator listening on ${emulator.url}`);
console.log(`  dashboard:       ${emulator.url}/`);
console.log(`  Stripe.js:       ${emulator.url}/v3/stripe.js`);
console.log(`  secret key:      ${DEMO_KEYS.secretKey}`);
console.log(`  publishable key: ${DEMO_KEYS.publishableKey}`);
for (const endpoint of emulator.control.webhookEndpoints()) {
  console.log(`  forwarding ${endpoint.events.join(',')} to ${endpoint.url}`);
}

const shutdown = () => {
  void emulator.stop().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

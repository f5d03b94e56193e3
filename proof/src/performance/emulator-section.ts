// The Stripe emulator's checkout-session creations beside a bare node:http server answering a
// fixed session, both through stripe-node.
import { measureSessionThroughput } from '@clinicpay/stripe-emulator/bench/checkout-sessions';
import { check } from '../report.js';
import type { Sizes } from './sizes.js';
import { counted, type Section } from './section.js';

export async function emulatorSection(sizes: Sizes['emulator']): Promise<Section> {
  const { emulator, baseline } = await measureSessionThroughput(sizes);
  const asked = (emulator.length + baseline.length) * sizes.perRound;
  const created = [...emulator, ...baseline].reduce((s, r) => s + r.created, 0);
  const firstError = [...emulator, ...baseline].map((r) => r.firstError).find(Boolean);
  return {
    rows: [
      {
        what: 'Stripe emulator: checkout sessions created through stripe-node, sessions/s',
        unit: '/s',
        values: emulator.map((r) => r.rate),
        baseline: {
          what: 'bare `node:http`, fixed session body',
          values: baseline.map((r) => r.rate),
        },
        target: { text: '≥ 1,000/s', met: (figure) => figure >= 1000 },
      },
    ],
    checks: [
      check(
        'Stripe emulator: every creation through the SDK returned a checkout session (emulator and baseline)',
        created === asked,
        `${counted(created, asked)}${firstError ? `; first failure: ${firstError}` : ''}`,
      ),
    ],
    setup: `Emulator: ${sizes.perRound.toLocaleString('en-US')} creations per run at ${sizes.inFlight} in flight after ${sizes.warmup.toLocaleString('en-US')} to warm up, servers in child processes.`,
  };
}

// 3. Bad input: forged and mangled Stripe webhooks, and fuzzed inputs to every public tRPC
// procedure, against a production API process over its own PostgreSQL cluster.
import type { ProofPart, Scale } from '../report.js';
import { RATE_LIMIT_SETTINGS, startBadInputStack } from './bad-input-stack.js';
import { openDigestReader } from './database-digest.js';
import { loadFuzzWorld } from './fuzz-world.js';
import { createPaidButUndeliveredBooking } from './pending-booking.js';
import { FUZZ_DIGEST_EXCLUDES, runTrpcFuzz } from './trpc-fuzz-run.js';
import { runRepeatIdForgeries } from './repeat-id-forgeries.js';
import { runWebhookForgeries, WEBHOOK_DIGEST_EXCLUDES } from './webhook-forgery-run.js';

const SIZES: Record<Scale, { forgeries: number; fuzzRuns: number }> = {
  full: { forgeries: 1000, fuzzRuns: 300 },
  ci: { forgeries: 200, fuzzRuns: 30 },
};

export const badInputPart: ProofPart = {
  name: 'bad-input',
  title: '3. Bad input',
  async run(scale) {
    const size = SIZES[scale];
    const stack = await startBadInputStack();
    try {
      const apiUrl = stack.replicas[0]!.url;
      const reader = await openDigestReader(stack.databaseUrl);
      try {
        const booking = await createPaidButUndeliveredBooking(apiUrl, stack.stripe);
        const webhooks = await runWebhookForgeries(stack, booking, reader, size.forgeries, () =>
          runRepeatIdForgeries(stack, booking, reader),
        );
        const world = await loadFuzzWorld(apiUrl, booking, stack.credentials.admin.email);
        const fuzz = await runTrpcFuzz(apiUrl, reader, world, size.fuzzRuns);
        return {
          setup:
            `One API process (NODE_ENV=production, sweeper off) over its own PostgreSQL cluster, seeded with the demo clinic (with an admin and Stripe keys made for the run); ` +
            `${size.forgeries} forged webhook requests built from the real, undelivered Stripe events of a real pending card booking; ` +
            `${size.fuzzRuns} fast-check inputs per public tRPC procedure over HTTP. Rate limits raised out of reach ` +
            `(${Object.keys(RATE_LIMIT_SETTINGS).join(', ')}) and their counters left out of the digests ` +
            `(webhooks: ${WEBHOOK_DIGEST_EXCLUDES.join(', ')}; fuzzing: ${FUZZ_DIGEST_EXCLUDES.join(', ')}).`,
          checks: [...webhooks.checks, ...fuzz.checks],
          figures: [...webhooks.figures, ...fuzz.figures],
        };
      } finally {
        await reader.close();
      }
    } finally {
      await stack.stop();
    }
  },
};

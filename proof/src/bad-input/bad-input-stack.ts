// The production-shaped stack both halves of this part run against: its own PostgreSQL cluster,
// one API process (NODE_ENV=production) and the Stripe emulator, with nothing moving on its own.
import { securityEnvShape } from './api-internals.js';
import { startProofStack, type ProofStack } from '../support/stack.js';

/**
 * Every rate limit of the API's settings (named *_RATE_LIMIT or *_FAILURES_PER_*) raised far out
 * of reach, so the fuzzer's thousands of calls from one address meet the input checks rather than
 * a 429. Their counters still move on every call (that is what they count), which is why the
 * digests leave `rate_limit_counters` out.
 */
const UNREACHABLE_LIMITS = Object.fromEntries(
  Object.keys(securityEnvShape)
    .filter((name) => /_RATE_LIMIT$|_FAILURES_PER_/.test(name))
    .map((name) => [name, '1000000/1m']),
);

export async function startBadInputStack(): Promise<ProofStack> {
  const stack = await startProofStack({
    replicas: 1,
    // The sweeper off: a lapsed hold or a reconciliation must not change rows between two digests.
    env: { ...UNREACHABLE_LIMITS, SWEEP_INTERVAL_SECONDS: '0' },
    // The emulator delivers nothing: the only webhook requests the API gets are the part's own.
    webhooks: false,
  });
  return stack;
}

export const RATE_LIMIT_SETTINGS = UNREACHABLE_LIMITS;

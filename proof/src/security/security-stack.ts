// The stack of this part: the proof's stack with an emulator that also knows this run's fresh keys
// and serves Stripe.js, and two production API processes on one database: one told it is reached
// over https (PUBLIC_URL), as behind a TLS proxy, and one on plain http, so HSTS can be seen
// present and absent.
import type { ApiReplica } from '../support/api-replica.js';
import { startProofStack, type ProofStack } from '../support/stack.js';
import type { StripeKeySet } from './fresh-secrets.js';

export interface SecurityStack extends ProofStack {
  /** PUBLIC_URL https://…: Secure cookies, HSTS, Live mode allowed. */
  https: ApiReplica;
  /** PUBLIC_URL http://…: what development and a plain-http deployment look like. */
  http: ApiReplica;
}

export const HTTPS_PUBLIC_URL = 'https://clinic.proof.example';

export async function startSecurityStack(options: {
  keys: { test: StripeKeySet; live: StripeKeySet };
  env: Record<string, string>;
}): Promise<SecurityStack> {
  const { test, live } = options.keys;
  const stack = await startProofStack({
    replicas: 2,
    webhooks: false,
    stripeJs: true,
    extraKeys: [test.secretKey, test.publishableKey, live.secretKey, live.publishableKey],
    env: { DATABASE_POOL_SIZE: '5', ...options.env },
    replicaEnv: (i): Record<string, string> => (i === 0 ? { PUBLIC_URL: HTTPS_PUBLIC_URL } : {}),
  });
  return { ...stack, https: stack.replicas[0]!, http: stack.replicas[1]! };
}

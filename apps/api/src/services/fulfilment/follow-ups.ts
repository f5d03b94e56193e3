import type { AppDeps } from '../../deps.js';
import type { StripeSettings } from '../gateways/stripe-settings.js';
import { runAfterCommit } from './after-commit.js';
import type { AfterCommitAction } from './fulfilment-types.js';

// The follow-ups of this process still running (graceful shutdown and tests wait for them).
const running = new Set<Promise<void>>();

/**
 * Starts the Stripe calls that follow a committed change without waiting for them: Stripe's
 * webhook gets its answer as soon as the event is stored and applied, however slow Stripe is.
 * A call that fails or never runs (a crash) is the sweeper's to finish: a reserved refund stays
 * pending until sent, and an open session expires at the hold's end anyway.
 */
export function startFollowUps(
  deps: AppDeps,
  actions: AfterCommitAction[],
  settings: StripeSettings | null,
): void {
  if (actions.length === 0) return;
  const run: Promise<void> = runAfterCommit(deps, actions, settings).finally(() =>
    running.delete(run),
  );
  running.add(run);
}

/** Resolves once every follow-up started so far has finished. */
export async function followUpsSettled(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}

import type { AppDeps } from '../../deps.js';
import type { Logger } from '../../logger.js';

/**
 * Runs one sweep job per item; one item failing (a slot taken mid-way, Stripe erroring) is logged
 * and left for the next sweep instead of stopping the rest. `stopWhen` ends the batch early (Stripe
 * said 429: the rest waits for the next sweep). Returns how many reported a change.
 */
export async function forEachItem<T>(
  items: T[],
  logger: Logger,
  job: string,
  run: (item: T) => Promise<boolean>,
  stopWhen: () => boolean = () => false,
): Promise<number> {
  let changed = 0;
  for (const item of items) {
    if (stopWhen()) break;
    try {
      if (await run(item)) changed++;
    } catch (error) {
      logger.warn({ err: error, job }, 'sweep item failed; retrying next sweep');
    }
  }
  return changed;
}

/** True while Stripe's last 429 says to wait: the batches that ask Stripe stop there. */
export function stripeBusy(deps: Pick<AppDeps, 'stripeBackoff'>): () => boolean {
  return () => deps.stripeBackoff.remainingMs() > 0;
}

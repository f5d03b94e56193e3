import type { Logger } from '../../logger.js';

/**
 * Runs one sweep job per item; one item failing (a slot taken mid-way, Stripe erroring) is logged
 * and left for the next sweep instead of stopping the rest. Returns how many reported a change.
 */
export async function forEachItem<T>(
  items: T[],
  logger: Logger,
  job: string,
  run: (item: T) => Promise<boolean>,
): Promise<number> {
  let changed = 0;
  for (const item of items) {
    try {
      if (await run(item)) changed++;
    } catch (error) {
      logger.warn({ err: error, job }, 'sweep item failed; retrying next sweep');
    }
  }
  return changed;
}

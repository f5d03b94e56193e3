import type { AppDeps } from '../../trpc.js';
import type { StripeSettings } from '../payments/stripe-settings.js';
import type { AfterCommitAction } from './fulfilment-types.js';

/**
 * Calls to Stripe that follow a committed change. Best effort: a failure is logged, and the
 * state stays safe because the session expires at the hold's end anyway.
 */
export async function runAfterCommit(
  deps: Pick<AppDeps, 'stripeGatewayFor' | 'logger'>,
  actions: AfterCommitAction[],
  settings: StripeSettings | null,
): Promise<void> {
  for (const action of actions) {
    const secretKey = settings?.keys[action.mode].secretKey;
    if (!secretKey) continue;
    try {
      await deps.stripeGatewayFor(secretKey).expireCheckoutSession(action.checkoutSessionId);
    } catch (error) {
      deps.logger.warn({ err: error, checkoutSessionId: action.checkoutSessionId }, 'could not expire checkout session');
    }
  }
}

import type { AppDeps } from '../../deps.js';
import type { StripeSettings } from '../gateways/stripe-settings.js';
import { sendRefund } from '../refunds/refund.service.js';
import type { AfterCommitAction } from './fulfilment-types.js';

/**
 * Calls to Stripe that follow a committed change. A failure is logged and left to the sweeper:
 * a session expires at the hold's end anyway, and a reserved refund stays pending until sent.
 */
export async function runAfterCommit(
  deps: AppDeps,
  actions: AfterCommitAction[],
  settings: StripeSettings | null,
): Promise<void> {
  for (const action of actions) {
    try {
      if (action.kind === 'expire_checkout_session') {
        const secretKey = settings?.keys[action.mode].secretKey;
        if (secretKey)
          await deps.stripeGatewayFor(secretKey).expireCheckoutSession(action.checkoutSessionId);
      } else {
        await sendRefund(deps, action.refundId);
      }
    } catch (error) {
      deps.logger.warn(
        { err: error, action: action.kind },
        'a follow-up call to Stripe failed; the sweeper retries it',
      );
    }
  }
}

import type { AppDeps } from '../../trpc.js';
import type { StripeSettings } from '../payments/stripe-settings.js';
import { refundPayment } from '../refunds/refund.service.js';
import type { AfterCommitAction } from './fulfilment-types.js';

/**
 * Calls to Stripe that follow a committed change. A failure is logged and left to the sweeper:
 * a session expires at the hold's end anyway, and an automatic refund is retried with the same
 * idempotency key until it lands.
 */
export async function runAfterCommit(deps: AppDeps, actions: AfterCommitAction[], settings: StripeSettings | null): Promise<void> {
  for (const action of actions) {
    try {
      if (action.kind === 'expire_checkout_session') {
        const secretKey = settings?.keys[action.mode].secretKey;
        if (secretKey) await deps.stripeGatewayFor(secretKey).expireCheckoutSession(action.checkoutSessionId);
      } else {
        await refundPayment(deps, {
          paymentId: action.paymentId,
          reason: action.reason,
          requestedBy: 'system',
          idempotencyKey: autoRefundKey(action.paymentId),
        });
      }
    } catch (error) {
      deps.logger.warn({ err: error, action: action.kind }, 'a follow-up call to Stripe failed; the sweeper retries it');
    }
  }
}

/** One automatic refund per payment, however often the success is reported. */
export function autoRefundKey(paymentId: string): string {
  return `auto-refund:${paymentId}`;
}

import { findLapsedHolds } from '@clinicpay/db';
import type { AppDeps } from '../../deps.js';
import { fulfil } from '../fulfilment/fulfil.js';
import { forEachItem } from './each-item.js';
import { releaseHold } from '../fulfilment/release-hold.js';
import { effectOfSession } from '../fulfilment/session-effects.js';
import type { StripeSettings } from '../gateways/stripe-settings.js';

/** A hold whose checkout was never attached this long after booking was cut off by a crash. */
export const UNSTARTED_CHECKOUT_MS = 5 * 60_000;
const BATCH = 200;

/**
 * Holds past their expiry: the checkout session is expired at Stripe first (outside any
 * transaction), then the time is released. If Stripe says the patient paid at the last moment,
 * the payment is fulfilled instead. Holds a crash left without a session are released too.
 */
export async function sweepLapsedHolds(
  deps: AppDeps,
  settings: StripeSettings | null,
): Promise<number> {
  const now = deps.clock.now();
  const holds = await findLapsedHolds(deps.db, {
    now,
    unstartedBefore: new Date(now.getTime() - UNSTARTED_CHECKOUT_MS),
    limit: BATCH,
  });

  return forEachItem(holds, deps.logger, 'lapsed hold', async (hold) => {
    const secretKey = hold.mode ? settings?.keys[hold.mode].secretKey : null;
    if (hold.checkout_session_id && secretKey && hold.paymentId) {
      const expired = await deps
        .stripeGatewayFor(secretKey)
        .expireCheckoutSession(hold.checkout_session_id);
      if (expired.outcome === 'already_complete') {
        // Paid at the last moment: fulfilled instead of released.
        const effect = effectOfSession(expired.session, hold.paymentId);
        if (effect) {
          await fulfil(deps, effect, {
            livemode: expired.session.livemode,
            settings,
            cause: { source: 'sweeper', at: deps.clock.now(), reason: 'paid_before_expiry' },
          });
        }
        return false;
      }
    }
    const reason = hold.checkout_session_id ? 'hold_expired' : 'checkout_not_started';
    return deps.db
      .transaction()
      .execute((trx) =>
        releaseHold(trx, hold, reason, 'expired', { source: 'sweeper', at: deps.clock.now() }),
      );
  });
}

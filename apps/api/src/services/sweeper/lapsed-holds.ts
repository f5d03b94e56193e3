import { findLapsedHolds } from '@clinicpay/db';
import type { CheckoutSessionState } from '@clinicpay/payments';
import type { AppDeps } from '../../deps.js';
import { fulfil } from '../fulfilment/fulfil.js';
import { forEachItem, stripeBusy } from './each-item.js';
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

  return forEachItem(
    holds,
    deps.logger,
    'lapsed hold',
    async (hold) => {
      let reason = hold.checkout_session_id ? 'hold_expired' : 'checkout_not_started';
      const secretKey = hold.mode ? settings?.keys[hold.mode].secretKey : null;
      if (hold.checkout_session_id && secretKey && hold.paymentId) {
        const expired = await deps
          .stripeGatewayFor(secretKey)
          .expireCheckoutSession(hold.checkout_session_id);
        if (expired.outcome === 'already_complete') {
          const effect = effectOfSession(expired.session, hold.paymentId);
          if (effect?.kind !== 'awaiting_async_payment') {
            // Paid at the last moment: fulfilled instead of released.
            if (effect) await fulfil(deps, effect, sweeperContext(deps, settings, expired.session));
            return false;
          }
          // Complete but unpaid (a delayed method): held until the appointment starts, once.
          const held = await fulfil(deps, effect, sweeperContext(deps, settings, expired.session));
          if (held.outcome === 'applied') return false;
          // Still undecided when the appointment starts: the time goes back.
          reason = 'payment_not_settled';
        }
      }
      return deps.db
        .transaction()
        .execute((trx) =>
          releaseHold(trx, hold, reason, 'expired', { source: 'sweeper', at: deps.clock.now() }),
        );
    },
    stripeBusy(deps),
  );
}

function sweeperContext(
  deps: AppDeps,
  settings: StripeSettings | null,
  session: CheckoutSessionState,
) {
  const reason = session.paymentStatus === 'paid' ? 'paid_before_expiry' : 'awaiting_async_payment';
  return {
    livemode: session.livemode,
    settings,
    cause: { source: 'sweeper' as const, at: deps.clock.now(), reason },
  };
}

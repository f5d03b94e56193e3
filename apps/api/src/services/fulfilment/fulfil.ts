import type { PaymentEffect } from '@clinicpay/payments';
import type { AppDeps } from '../../deps.js';
import type { StripeSettings } from '../gateways/stripe-settings.js';
import { runAfterCommit } from './after-commit.js';
import { applyPaymentEffect } from './apply-effect.js';
import type { Cause, FulfilmentResult } from './fulfilment-types.js';

/**
 * The one idempotent fulfilment (apply-effect.ts) for callers outside the webhook inbox (the status
 * page, the sweeper): the effect in its own transaction, then its calls to Stripe.
 */
export async function fulfil(
  deps: AppDeps,
  effect: PaymentEffect,
  context: { livemode: boolean; settings: StripeSettings | null; cause: Cause },
): Promise<FulfilmentResult> {
  const result = await deps.db.transaction().execute((trx) =>
    applyPaymentEffect(trx, effect, {
      livemode: context.livemode,
      failurePolicy: context.settings?.failurePolicy ?? 'cancel',
      cause: context.cause,
    }),
  );
  await runAfterCommit(deps, result.afterCommit ?? [], context.settings);
  return result;
}

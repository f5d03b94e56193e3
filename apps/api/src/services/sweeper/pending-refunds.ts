import type { AppDeps } from '../../trpc.js';
import { autoRefundKey } from '../fulfilment/after-commit.js';
import { PAID_AFTER_CANCEL } from '../fulfilment/payment-succeeded.js';
import { refundPayment } from '../refunds/refund.service.js';

/** Automatic refunds (money for a booking that could not be kept) that have not reached Stripe yet. */
export async function retryAutomaticRefunds(deps: AppDeps): Promise<number> {
  const owed = await deps.db
    .selectFrom('payments')
    .select('id')
    .where('flagged_reason', '=', PAID_AFTER_CANCEL)
    .where('status', '=', 'completed')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('refunds')
            .select('refunds.id')
            .whereRef('refunds.payment_id', '=', 'payments.id')
            .where((eb) => eb.or([eb('refunds.status', '<>', 'pending'), eb('refunds.stripe_refund_id', 'is not', null)])),
        ),
      ),
    )
    .limit(100)
    .execute();
  let sent = 0;
  for (const payment of owed) {
    try {
      await refundPayment(deps, { paymentId: payment.id, reason: PAID_AFTER_CANCEL, requestedBy: 'system', idempotencyKey: autoRefundKey(payment.id) });
      sent++;
    } catch (error) {
      deps.logger.warn({ err: error, paymentId: payment.id }, 'automatic refund failed; retrying next sweep');
    }
  }
  return sent;
}

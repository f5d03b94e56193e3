import type { RefundPaymentInput } from '@clinicpay/contracts';
import { refundPayment } from './refund.service.js';
import type { AdminDeps } from '../../deps.js';
import { audit } from '../audit/record-audit.js';
import { getTransaction } from '../transactions/transaction-detail.service.js';

/** The admin's refund: the refund service does the work; the admin is recorded as the requester. */
export async function refundFromAdmin(ctx: AdminDeps, input: RefundPaymentInput) {
  const refund = await refundPayment(ctx, {
    paymentId: input.paymentId,
    amount: input.amount,
    reason: input.reason || undefined,
    requestedBy: ctx.admin.actor,
    idempotencyKey: `admin:${input.idempotencyKey}`,
  });
  await audit(ctx, ctx.admin, 'payment.refund_requested', `payment:${input.paymentId}`, {
    refundId: refund.refundId,
    amount: refund.amount,
    currency: refund.currency,
    status: refund.status,
  });
  return { refund, transaction: await getTransaction(ctx, input.paymentId) };
}

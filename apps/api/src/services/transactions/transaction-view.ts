import type { GatewayMode } from '@clinicpay/db';

/**
 * The payment in Stripe's Dashboard. Test-mode objects live under /test/; live ones at the root.
 * Only card payments that reached a payment intent have one.
 */
export function stripeDashboardUrl(payment: {
  gateway: string;
  mode: GatewayMode | null;
  payment_intent_id: string | null;
}): string | null {
  if (payment.gateway !== 'stripe' || !payment.payment_intent_id || !payment.mode) return null;
  return `https://dashboard.stripe.com/${payment.mode === 'test' ? 'test/' : ''}payments/${payment.payment_intent_id}`;
}

/** A list row as the SPA shows it. */
export function transactionRowView(row: {
  id: string;
  status: string;
  gateway: string;
  mode: GatewayMode | null;
  amount: number;
  currency: string;
  amount_refunded: number;
  payment_intent_id: string | null;
  checkout_session_id: string | null;
  dispute_status: string | null;
  flagged_reason: string | null;
  created_at: Date;
  completed_at: Date | null;
  appointment_id: string;
  reference: string;
  starts_at: Date;
  patient_name: string;
  patient_email: string;
  service_name: string;
}) {
  return {
    id: row.id,
    status: row.status,
    gateway: row.gateway,
    mode: row.mode,
    amount: { amount: row.amount, currency: row.currency },
    amountRefunded: row.amount_refunded,
    paymentIntentId: row.payment_intent_id,
    checkoutSessionId: row.checkout_session_id,
    disputeStatus: row.dispute_status,
    flaggedReason: row.flagged_reason,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
    appointment: {
      id: row.appointment_id,
      reference: row.reference,
      startsAt: row.starts_at.toISOString(),
    },
    patient: { name: row.patient_name, email: row.patient_email },
    serviceName: row.service_name,
    stripeDashboardUrl: stripeDashboardUrl(row),
  };
}

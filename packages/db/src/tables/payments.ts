import type { Generated } from 'kysely';
import type { Gateway, GatewayMode, PaymentStatus, RefundStatus } from '../statuses.js';
import type {
  GeneratedJson,
  GeneratedTimestamp,
  Id,
  NullableTimestamp,
  Serial,
} from './column-types.js';

export interface PaymentsTable {
  id: Id;
  appointment_id: string;
  gateway: Gateway;
  /** Required for stripe (an event applies only to payments of its own livemode); null for pay_at_clinic. */
  mode: GatewayMode | null;
  /** Minor units of currency. */
  amount: number;
  currency: string;
  status: PaymentStatus;
  checkout_session_id: string | null;
  payment_intent_id: string | null;
  charge_id: string | null;
  amount_refunded: Generated<number>;
  failure_code: string | null;
  failure_message: string | null;
  dispute_status: string | null;
  /** Set when an admin must look (a dispute, money received for a booking that could not be kept). */
  flagged_reason: string | null;
  completed_at: NullableTimestamp;
  /** When reconciliation last asked Stripe about it while pending (it takes the least recent first). */
  reconciled_at: NullableTimestamp;
  /** When a patient's status read last asked Stripe about this payment (one read per few seconds). */
  stripe_read_at: NullableTimestamp;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface RefundsTable {
  id: Id;
  payment_id: string;
  amount: number;
  currency: string;
  status: RefundStatus;
  /** null until Stripe answers (or for a refund first seen in a charge.refunded event). */
  stripe_refund_id: string | null;
  /** Sent to Stripe with the create call, so a retried request never refunds twice. */
  idempotency_key: string;
  reason: string | null;
  /** 'admin:<email>', 'system' (automatic refund), 'stripe_dashboard'. */
  requested_by: string;
  failure_reason: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface PaymentEventsTable {
  id: Serial;
  payment_id: string;
  from_status: PaymentStatus | null;
  to_status: PaymentStatus;
  source: string;
  reason: string | null;
  /** The Stripe event that caused it, when one did. */
  stripe_event_id: string | null;
  details: GeneratedJson;
  at: GeneratedTimestamp;
}

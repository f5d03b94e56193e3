import type { Generated } from 'kysely';
import type { AppointmentStatus, PaymentMethod } from '../statuses.js';
import type {
  GeneratedJson,
  GeneratedTimestamp,
  Id,
  NullableJson,
  NullableTimestamp,
  Serial,
  Timestamp,
} from './column-types.js';

/** A guest's details, one row per booking (never merged by email). */
export interface PatientsTable {
  id: Id;
  name: string;
  email: string;
  phone: string | null;
  created_at: GeneratedTimestamp;
}

export interface AppointmentsTable {
  id: Id;
  /** Short human booking reference shown to the patient, unique. */
  reference: string;
  doctor_id: string;
  service_id: string;
  patient_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  status: Generated<AppointmentStatus>;
  /** Required while pending_payment: the sweeper cancels the hold after it. */
  hold_expires_at: NullableTimestamp;
  payment_method: PaymentMethod;
  cancel_reason: string | null;
  /** Who asked to cancel while the checkout was still being closed at Stripe ('cancelled_by_…'). */
  cancel_requested_reason: string | null;
  cancel_requested_at: NullableTimestamp;
  /** Hash of the secret in the patient's status link; the secret itself is never stored. */
  access_token_hash: string;
  /** The same secret, encrypted by the API, so e-mails written later can carry the link. */
  access_token_sealed: string | null;
  /** The booking client's address and network (IPv4 address or IPv6 /64); cleared after 30 days. */
  client_address: string | null;
  client_network: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  /** The policy in force at booking, with its sentence; null for bookings made before policies. */
  cancellation_policy: NullableJson;
  /** How many times the patient moved it (the policy limits this; the clinic's moves do not count). */
  reschedule_count: Generated<number>;
}

export interface AppointmentEventsTable {
  id: Serial;
  appointment_id: string;
  /** null for the row that records the appointment's creation. */
  from_status: AppointmentStatus | null;
  to_status: AppointmentStatus;
  /** Who moved it: 'patient', 'admin', 'webhook', 'sweeper', 'system', … */
  source: string;
  reason: string | null;
  details: GeneratedJson;
  at: GeneratedTimestamp;
}

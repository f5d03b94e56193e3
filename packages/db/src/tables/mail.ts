import type { Generated } from 'kysely';
import type {
  GeneratedJson,
  GeneratedTimestamp,
  Id,
  NullableTimestamp,
  Timestamp,
} from './column-types.js';

export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'dropped';
export type MailAudience = 'patient' | 'clinic';

/** One message per fact, written with the fact; the sender claims, renders and sends it. */
export interface MailOutboxTable {
  id: Id;
  /** Unique per fact, e.g. `confirmed:<appointment>`: duplicates of a fact make no second row. */
  fact_key: string;
  kind: string;
  audience: MailAudience;
  appointment_id: string | null;
  refund_id: string | null;
  /** The address as last known: set when written, refreshed at each attempt. */
  recipient: Generated<string>;
  /** What the fact knew that the booking does not keep (a cancel's cause, an alert's count). */
  details: GeneratedJson;
  status: Generated<MailStatus>;
  due_at: Timestamp;
  /** Past this, the message is dropped unsent (a reminder after the start, a days-late confirmation). */
  expires_at: Timestamp;
  attempts: Generated<number>;
  /** While set and in the future, a sender is on it; after, another may take it over. */
  claimed_until: NullableTimestamp;
  /** Chosen before the first send and kept for every resend. */
  message_id: string | null;
  smtp_response: string | null;
  last_error: string | null;
  drop_reason: string | null;
  sent_at: NullableTimestamp;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

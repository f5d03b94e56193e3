import type { Generated } from 'kysely';
import type {
  GeneratedTimestamp,
  Id,
  NullableJson,
  NullableTimestamp,
  Timestamp,
} from './column-types.js';

export interface ClinicsTable {
  id: Id;
  name: string;
  /** IANA zone name, e.g. Europe/Paris; validated by the API (SQL cannot check it immutably). */
  time_zone: string;
  address: Generated<string>;
  /** ISO 4217, uppercase. */
  currency: string;
  /** Where patients and Stripe's messages reach the clinic ('' until set up). */
  contact_email: Generated<string>;
  /** E.164, e.g. +6495550100 ('' until set up). */
  contact_phone: Generated<string>;
  /** The From of the clinic's e-mail ('' = the name and address of MAIL_FROM). */
  mail_sender_name: Generated<string>;
  mail_sender_address: Generated<string>;
  /** Hours before the appointment a reminder goes out; null: no reminders. */
  reminder_hours_before: Generated<number | null>;
  /** Comma-separated addresses for clinic notices ('' = the contact e-mail). */
  notice_emails: Generated<string>;
  /** Future bookings one e-mail address or one phone number may hold at once. */
  max_open_bookings_per_contact: Generated<number>;
  /** Proof of work on every booking; otherwise only while bookings arrive faster than the threshold. */
  booking_challenge_always: Generated<boolean>;
  /** Bookings in 10 minutes above which the proof of work turns itself on. */
  booking_challenge_threshold: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  /** The clinic's cancellation policy (validated by the API); null: the built-in default. */
  cancellation_policy: NullableJson;
  /** Every admin must sign in with a TOTP code too (an Owner's setting). */
  admin_two_factor_required: Generated<boolean>;
}

export interface DoctorsTable {
  id: Id;
  clinic_id: string;
  name: string;
  specialty: Generated<string>;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface DoctorWeeklyHoursTable {
  id: Id;
  doctor_id: string;
  /** 0 = Sunday … 6 = Saturday, as `Date#getDay()` and PostgreSQL's `extract(dow …)`. */
  weekday: number;
  /** Minutes after local midnight in the clinic's time zone; end is exclusive, at most 1440. */
  start_minute: number;
  end_minute: number;
}

export interface DoctorTimeOffTable {
  id: Id;
  doctor_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  reason: string | null;
  created_at: GeneratedTimestamp;
}

export interface ServicesTable {
  id: Id;
  clinic_id: string;
  name: string;
  duration_minutes: number;
  /** Minor units of price_currency. */
  price_amount: number;
  price_currency: string;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  /** Soft delete: past appointments keep pointing at the service. */
  deleted_at: NullableTimestamp;
  /** This service's own cancellation policy; null: the clinic's. */
  cancellation_policy: NullableJson;
}

export interface DoctorServicesTable {
  doctor_id: string;
  service_id: string;
}

/** One row: bumped by triggers whenever what the public catalogue shows changes. */
export interface CatalogueVersionTable {
  id: Generated<boolean>;
  version: Generated<number>;
}

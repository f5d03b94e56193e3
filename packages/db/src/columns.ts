// Every table and column of `Database`, with its PostgreSQL type (udt_name) and a trailing `?` when
// nullable. The type below derives what each entry may say from the interfaces, so an interface
// change that is not mirrored here fails to compile; schema.test.ts compares this map with the
// migrated database, so a migration that is not mirrored fails the test.
import type { SelectType } from 'kysely';
import type { Database } from './schema.js';

type PgTypeFor<T> = [T] extends [Date]
  ? 'timestamptz'
  : [T] extends [boolean]
    ? 'bool'
    : [T] extends [number]
      ? 'int4' | 'int8'
      : [T] extends [string]
        ? 'text' | 'uuid' | 'bpchar'
        : 'jsonb';

type ColumnSpec<C> =
  null extends SelectType<C>
    ? `${PgTypeFor<NonNullable<SelectType<C>>>}?`
    : PgTypeFor<SelectType<C>>;

export type ColumnMap = {
  [T in keyof Database]: { [C in keyof Database[T]]-?: ColumnSpec<Database[T][C]> };
};

export const columns: ColumnMap = {
  clinics: {
    id: 'uuid',
    name: 'text',
    time_zone: 'text',
    address: 'text',
    currency: 'bpchar',
    contact_email: 'text',
    contact_phone: 'text',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  doctors: {
    id: 'uuid',
    clinic_id: 'uuid',
    name: 'text',
    specialty: 'text',
    active: 'bool',
    created_at: 'timestamptz',
  },
  doctor_weekly_hours: {
    id: 'uuid',
    doctor_id: 'uuid',
    weekday: 'int4',
    start_minute: 'int4',
    end_minute: 'int4',
  },
  doctor_time_off: {
    id: 'uuid',
    doctor_id: 'uuid',
    starts_at: 'timestamptz',
    ends_at: 'timestamptz',
    reason: 'text?',
    created_at: 'timestamptz',
  },
  services: {
    id: 'uuid',
    clinic_id: 'uuid',
    name: 'text',
    duration_minutes: 'int4',
    price_amount: 'int8',
    price_currency: 'bpchar',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
    deleted_at: 'timestamptz?',
  },
  doctor_services: { doctor_id: 'uuid', service_id: 'uuid' },
  patients: { id: 'uuid', name: 'text', email: 'text', phone: 'text?', created_at: 'timestamptz' },
  appointments: {
    id: 'uuid',
    reference: 'text',
    doctor_id: 'uuid',
    service_id: 'uuid',
    patient_id: 'uuid',
    starts_at: 'timestamptz',
    ends_at: 'timestamptz',
    status: 'text',
    hold_expires_at: 'timestamptz?',
    payment_method: 'text',
    cancel_reason: 'text?',
    cancel_requested_reason: 'text?',
    cancel_requested_at: 'timestamptz?',
    access_token_hash: 'text',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  appointment_events: {
    id: 'int8',
    appointment_id: 'uuid',
    from_status: 'text?',
    to_status: 'text',
    source: 'text',
    reason: 'text?',
    details: 'jsonb',
    at: 'timestamptz',
  },
  payments: {
    id: 'uuid',
    appointment_id: 'uuid',
    gateway: 'text',
    mode: 'text?',
    amount: 'int8',
    currency: 'bpchar',
    status: 'text',
    checkout_session_id: 'text?',
    payment_intent_id: 'text?',
    charge_id: 'text?',
    amount_refunded: 'int8',
    failure_code: 'text?',
    failure_message: 'text?',
    dispute_status: 'text?',
    flagged_reason: 'text?',
    completed_at: 'timestamptz?',
    reconciled_at: 'timestamptz?',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  refunds: {
    id: 'uuid',
    payment_id: 'uuid',
    amount: 'int8',
    currency: 'bpchar',
    status: 'text',
    stripe_refund_id: 'text?',
    idempotency_key: 'text',
    reason: 'text?',
    requested_by: 'text',
    failure_reason: 'text?',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  payment_events: {
    id: 'int8',
    payment_id: 'uuid',
    from_status: 'text?',
    to_status: 'text',
    source: 'text',
    reason: 'text?',
    stripe_event_id: 'text?',
    details: 'jsonb',
    at: 'timestamptz',
  },
  stripe_events: {
    id: 'uuid',
    stripe_event_id: 'text',
    type: 'text',
    livemode: 'bool',
    api_version: 'text?',
    payload: 'jsonb',
    received_at: 'timestamptz',
    processed_at: 'timestamptz?',
    outcome: 'text?',
    error: 'text?',
    attempts: 'int4',
  },
  webhook_signature_failures: {
    id: 'int8',
    mode: 'text?',
    reason: 'text',
    remote_address: 'text?',
    received_at: 'timestamptz',
  },
  gateway_settings: {
    clinic_id: 'uuid',
    gateway: 'text',
    enabled: 'bool',
    mode: 'text?',
    currency: 'bpchar?',
    failure_policy: 'text?',
    test_publishable_key: 'text?',
    test_secret_key_encrypted: 'text?',
    test_webhook_secret_encrypted: 'text?',
    live_publishable_key: 'text?',
    live_secret_key_encrypted: 'text?',
    live_webhook_secret_encrypted: 'text?',
    test_refusal: 'text?',
    test_refused_at: 'timestamptz?',
    test_refused_call: 'text?',
    live_refusal: 'text?',
    live_refused_at: 'timestamptz?',
    live_refused_call: 'text?',
    updated_at: 'timestamptz',
    updated_by: 'text?',
  },
  admin_users: {
    id: 'uuid',
    email: 'text',
    password_hash: 'text',
    name: 'text',
    created_at: 'timestamptz',
  },
  admin_sessions: {
    token_hash: 'text',
    admin_user_id: 'uuid',
    created_at: 'timestamptz',
    last_seen_at: 'timestamptz',
    expires_at: 'timestamptz',
  },
  rate_limit_counters: { key: 'text', window_start: 'timestamptz', count: 'int4' },
  audit_log: {
    id: 'int8',
    actor: 'text',
    action: 'text',
    target: 'text?',
    details: 'jsonb',
    at: 'timestamptz',
  },
};

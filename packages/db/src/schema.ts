// The kysely view of the migrated schema. Hand-written, and kept honest by `columns.ts` (the type
// checker ties it to these interfaces) and schema.test.ts (which compares it with the database).
import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  AdminSessionsTable,
  AdminLinksTable,
  AdminRecoveryCodesTable,
  AdminUsersTable,
  AuditLogTable,
  GatewaySettingsTable,
  RateLimitCountersTable,
} from './tables/admin.js';
import type {
  AppointmentEventsTable,
  AppointmentsTable,
  PatientsTable,
} from './tables/bookings.js';
import type {
  CatalogueVersionTable,
  ClinicsTable,
  DoctorServicesTable,
  DoctorTimeOffTable,
  DoctorWeeklyHoursTable,
  DoctorsTable,
  ServicesTable,
} from './tables/catalogue.js';
import type { MailOutboxTable } from './tables/mail.js';
import type { PaymentEventsTable, PaymentsTable, RefundsTable } from './tables/payments.js';
import type { StripeEventsTable, WebhookSignatureFailuresTable } from './tables/stripe.js';

export interface Database {
  clinics: ClinicsTable;
  doctors: DoctorsTable;
  doctor_weekly_hours: DoctorWeeklyHoursTable;
  doctor_time_off: DoctorTimeOffTable;
  services: ServicesTable;
  doctor_services: DoctorServicesTable;
  patients: PatientsTable;
  appointments: AppointmentsTable;
  appointment_events: AppointmentEventsTable;
  payments: PaymentsTable;
  refunds: RefundsTable;
  payment_events: PaymentEventsTable;
  stripe_events: StripeEventsTable;
  webhook_signature_failures: WebhookSignatureFailuresTable;
  gateway_settings: GatewaySettingsTable;
  admin_users: AdminUsersTable;
  admin_sessions: AdminSessionsTable;
  admin_links: AdminLinksTable;
  admin_recovery_codes: AdminRecoveryCodesTable;
  rate_limit_counters: RateLimitCountersTable;
  audit_log: AuditLogTable;
  mail_outbox: MailOutboxTable;
  catalogue_version: CatalogueVersionTable;
}

export type TableName = keyof Database;
export type Row<T extends TableName> = Selectable<Database[T]>;
export type NewRow<T extends TableName> = Insertable<Database[T]>;
export type RowUpdate<T extends TableName> = Updateable<Database[T]>;

export type Clinic = Row<'clinics'>;
export type Doctor = Row<'doctors'>;
export type Service = Row<'services'>;
export type Patient = Row<'patients'>;
export type Appointment = Row<'appointments'>;
export type NewAppointment = NewRow<'appointments'>;
export type Payment = Row<'payments'>;
export type NewPayment = NewRow<'payments'>;
export type Refund = Row<'refunds'>;
export type StripeEvent = Row<'stripe_events'>;
export type GatewaySettings = Row<'gateway_settings'>;
export type AdminUser = Row<'admin_users'>;

export type * from './tables/admin.js';
export type * from './tables/bookings.js';
export type * from './tables/catalogue.js';
export type * from './tables/column-types.js';
export type * from './tables/payments.js';
export type * from './tables/stripe.js';

// The public API of @clinicpay/db. Test helpers live apart, in '@clinicpay/db/testing'.
export {
  createDatabase,
  type DatabaseHandle,
  type DatabaseKind,
  type DatabaseOptions,
} from './connection.js';
export { checkConnection, type ConnectionCheck } from './check-connection.js';
export { maskDatabaseUrl } from './mask-url.js';
export { migrateToLatest, type MigrationOutcome } from './migrate.js';
export { migrationProvider, migrations } from './migrations/index.js';
export { parseInt8 } from './int8.js';
export * from './errors.js';
export {
  APPOINTMENT_OVERLAP_CONSTRAINT,
  translateDbError,
  withDbErrors,
} from './translate-error.js';
export * from './statuses.js';
export type * from './schema.js';
export { columns, type ColumnMap } from './columns.js';
export { appointmentColumns, insertAppointment } from './queries/appointments.js';
export { insertStripeEvent, type IncomingStripeEvent } from './queries/stripe-events.js';
export {
  recordSignatureFailure,
  type SignatureFailure,
} from './queries/webhook-signature-failures.js';
export type { Kysely, Transaction, Selectable, Insertable, Updateable } from 'kysely';
export { sql } from 'kysely';
export { findClinic, listBookableServices } from './queries/catalogue.js';
export {
  findBookableService,
  findBusyIntervals,
  findDoctorsForService,
  findWeeklyHours,
} from './queries/availability.js';
export {
  recordAppointmentEvent,
  recordPaymentEvent,
  transitionAppointment,
  transitionPayment,
  type TransitionCause,
} from './queries/transitions.js';
export { lockAppointment, lockPayment, paymentColumns } from './queries/payments.js';
// Admin API (issue 7).
export {
  findAdminUserByEmail,
  insertAdminSession,
  findAdminSession,
  touchAdminSession,
  deleteAdminSession,
  deleteStaleAdminSessions,
} from './queries/admin-sessions.js';
export {
  hitRateLimitCounter,
  readRateLimitCounters,
  clearRateLimitCounter,
  deleteRateLimitCountersBefore,
} from './queries/rate-limits.js';
export { insertAuditEntry, listAuditEntries, type AuditEntry } from './queries/audit.js';
export {
  findGatewaySettingsRows,
  upsertStripeSettings,
  setGatewayEnabled,
  findLastStripeEvent,
  findSignatureFailures,
  findActiveServicePrices,
  type StripeSettingsWrite,
} from './queries/gateway-settings.js';
export {
  filteredPayments,
  listTransactionsPage,
  type TransactionFilter,
  type TransactionPageRequest,
  type TransactionRow,
  type TransactionSearch,
  type TransactionSort,
} from './queries/admin-transactions.js';
export { dailyRevenue, totalsByStatusAndCurrency } from './queries/admin-transaction-summary.js';
export {
  EXPORT_COLUMNS,
  exportTransactionsBatch,
  type TransactionExportRow,
} from './queries/admin-transactions-export.js';
export {
  findAppointmentEvents,
  findPaymentEvents,
  findRefundsOfPayment,
  findTransaction,
} from './queries/admin-transaction-detail.js';
export {
  findPaymentsOfAppointment,
  listAppointmentsPage,
  type AppointmentFilter,
  type AppointmentPageRequest,
  type AppointmentRow,
} from './queries/admin-appointments.js';
export {
  findStripeEventById,
  listStripeEventsPage,
  type StripeEventFilter,
  type StripeEventRow,
} from './queries/admin-webhook-events.js';
export {
  insertService,
  listServicesForAdmin,
  setServiceDeleted,
  updateService,
  type ServiceWrite,
} from './queries/services.js';
export {
  deleteTimeOff,
  findBookedAppointments,
  insertDoctor,
  insertTimeOff,
  listDoctorsForAdmin,
  lockDoctor,
  replaceDoctorServices,
  replaceWeeklyHours,
  updateDoctor,
} from './queries/doctors.js';

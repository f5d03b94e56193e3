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
export { withExclusiveLock } from './locks.js';
export type { Kysely, Transaction, Selectable, Insertable, Updateable } from 'kysely';
export { sql } from 'kysely';
// Queries, one module per noun: every read and write of a table lives in packages/db.
export {
  findAdminSession,
  insertAdminSession,
  touchAdminSession,
  deleteAdminSession,
  deleteStaleAdminSessions,
  endAdminSessionOf,
  listAdminSessions,
} from './queries/admin-sessions.js';
export {
  changeAdminUser,
  deleteAdminUser,
  findAdminUserByEmail,
  findAdminUserById,
  insertAdminUser,
  listAdminUsers,
  resetAdminPassword,
} from './queries/admin-users.js';
export {
  acceptTotpStep,
  confirmAdminSession,
  disableTotp,
  enableTotp,
  findEncryptedTotpSecrets,
  findTwoFactorRequired,
  findTwoFactorState,
  replaceRecoveryCodes,
  setPendingTotpSecret,
  setTwoFactorRequired,
  useRecoveryCode,
} from './queries/admin-two-factor.js';
export {
  findAdminLinkState,
  findOpenAdminLink,
  insertAdminLink,
  listOpenInvitations,
  revokeAdminLinks,
  useAdminLink,
} from './queries/admin-links.js';
export {
  appointmentColumns,
  findClashingAppointment,
  findLapsedHolds,
  findLapsedHoldsOverlapping,
  insertAppointment,
  extendHold,
  markCancelRequested,
} from './queries/appointments.js';
export {
  insertAuditEntry,
  listAuditEntries,
  type AuditEntry,
  type AuditFilters,
} from './queries/audit.js';
export {
  findBookableService,
  findBusyIntervals,
  findDoctorsForService,
  findWeeklyHours,
} from './queries/availability.js';
export { findBooking, type BookingRow } from './queries/bookings.js';
export {
  findClinicPolicy,
  findPolicies,
  findPolicyForService,
  saveClinicPolicy,
  saveServicePolicy,
} from './queries/cancellation-policies.js';
export { readCatalogueVersion } from './queries/catalogue-version.js';
export {
  findBookingReadiness,
  findClinicReadiness,
  findFutureAppointments,
} from './queries/clinic-readiness.js';
export {
  ONE_CLINIC_CONSTRAINT,
  countPayments,
  createClinic,
  findClinic,
  insertClinicIfMissing,
  isInstallationEmpty,
  lockClinic,
  setClinicCurrency,
  updateBookingGuards,
  updateClinic,
  type BookingGuards,
  type ClinicProfile,
  type ClinicSeed,
} from './queries/clinics.js';
export {
  deleteTimeOff,
  doctorOffersService,
  findBookedAppointments,
  hasTimeOffDuring,
  insertDoctor,
  insertDoctorsIfMissing,
  insertTimeOff,
  insertWeeklyHours,
  listDoctorsForAdmin,
  lockDoctor,
  lockDoctorForBooking,
  replaceDoctorServices,
  replaceWeeklyHours,
  updateDoctor,
  type DoctorSeed,
} from './queries/doctors.js';
export {
  clearStripeKeys,
  clearStripeRefusal,
  recordStripeRefusal,
  findEncryptedStripeSecrets,
  findGatewaySettingsRows,
  findStripeSettingsRow,
  insertGatewaySettingsIfMissing,
  isPayAtClinicEnabled,
  setGatewayEnabled,
  setStripeCurrency,
  upsertStripeSettings,
  type StripeKeyColumn,
  type StripeSettingsWrite,
} from './queries/gateway-settings.js';
export { insertPatient } from './queries/patients.js';
export {
  attachCheckoutSession,
  findLatestPaymentOf,
  findPaymentsToReconcile,
  findPendingPaymentOf,
  flagPayment,
  insertPayment,
  lockAppointment,
  lockPayment,
  lockPaymentOfAppointment,
  markPaymentReconciled,
  claimStripeRead,
  paymentColumns,
  recordPaymentFailure,
  setAmountRefunded,
  setPaymentStripeIds,
  type BookingPayment,
  type PaymentStripeIds,
} from './queries/payments.js';
export {
  clearRateLimitCounter,
  deleteRateLimitCountersBefore,
  hitRateLimitCounter,
  readRateLimitCounters,
  takeBackRateLimitHit,
} from './queries/rate-limits.js';
export {
  findRefund,
  findRefundPaymentId,
  findUnsentRefunds,
  insertRefund,
  lockRefundOfPayment,
  settleRefund,
  sumRefunds,
  updateRefundFromStripe,
  type NewRefund,
  type RefundWithPayment,
} from './queries/refunds.js';
export {
  findActiveServicePrices,
  insertService,
  insertServicesIfMissing,
  linkDoctorsToServices,
  listBookableServices,
  listServicesForAdmin,
  setServiceDeleted,
  updateService,
  type ServiceSeed,
  type ServiceWrite,
} from './queries/services.js';
export {
  PARKED_OUTCOME,
  closeParkedEventsBefore,
  findLastStripeEvent,
  findStoredStripeEvent,
  findUnprocessedEvents,
  insertStripeEvent,
  lockParkedEventsFor,
  lockParkedIntent,
  lockStripeEvent,
  markStripeEventApplied,
  markStripeEventProcessed,
  recordStripeEventError,
  type IncomingStripeEvent,
} from './queries/stripe-events.js';
export {
  moveAppointment,
  recordAppointmentEvent,
  recordPaymentEvent,
  transitionAppointment,
  transitionPayment,
  type TransitionCause,
} from './queries/transitions.js';
export {
  findSignatureFailures,
  recordSignatureFailure,
  type SignatureFailure,
} from './queries/webhook-signature-failures.js';
// The admin's list and detail views.
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
  findAppointmentPolicy,
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
  claimDueMail,
  countEarlierMail,
  countFailedMail,
  dropExpiredMail,
  dropWaitingMail,
  listMailPage,
  queueMail,
  recordMailOutcome,
  recordMailSent,
  replanReminders,
  resendMail,
  type ClaimedMail,
  type MailLogFilter,
  type NewMail,
  type SentMail,
} from './queries/mail-outbox.js';
export {
  findMailAppointment,
  findMailAppointments,
  findMailClinic,
  findMailRefund,
  findMailRefunds,
  type MailAppointmentRow,
  type MailClinicRow,
  type MailRefundRow,
} from './queries/mail-facts.js';
export { updateMailSettings, type MailSettings } from './queries/mail-settings.js';
export type { MailAudience, MailStatus } from './tables/mail.js';
export {
  clearClientAddressesBefore,
  countBookingsSince,
  countOpenBookingsOfContact,
  findOpenBookingsFromSource,
  lockBookingContacts,
  type BookingSource,
} from './queries/booking-guards.js';

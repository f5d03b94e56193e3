// A static list rather than a folder scan, so migrations survive bundling. Append only; names sort
// by time and kysely refuses to run them out of order.
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './2026_11_26_0001_catalogue.js';
import * as m0002 from './2026_11_26_0002_bookings.js';
import * as m0003 from './2026_11_26_0003_payments.js';
import * as m0004 from './2026_11_26_0004_stripe_inbox.js';
import * as m0005 from './2026_11_26_0005_admin.js';
import * as m0006 from './2026_11_27_0001_admin_paging_indexes.js';
import * as m0007 from './2026_11_27_0002_payment_reconciled_at.js';
import * as m0008 from './2026_12_07_0001_clinic_profile.js';
import * as m0009 from './2026_12_07_0002_cancel_requests.js';
import * as m0010 from './2026_12_07_0003_gateway_refusals.js';
import * as m0011 from './2026_12_07_0004_event_api_version.js';
import * as m0012 from './2026_12_07_0005_mail_outbox.js';
import * as m0013 from './2026_12_07_0006_cancellation_policy.js';
import * as m0014 from './2026_12_07_0007_hardening.js';
import * as m0015 from './2026_12_07_0008_admin_roles.js';
import * as m0016 from './2026_12_07_0009_two_factor.js';
import * as m0017 from './2026_12_07_0010_catalogue_version.js';

export const migrations: Readonly<Record<string, Migration>> = {
  '2026_11_26_0001_catalogue': m0001,
  '2026_11_26_0002_bookings': m0002,
  '2026_11_26_0003_payments': m0003,
  '2026_11_26_0004_stripe_inbox': m0004,
  '2026_11_26_0005_admin': m0005,
  '2026_11_27_0001_admin_paging_indexes': m0006,
  '2026_11_27_0002_payment_reconciled_at': m0007,
  '2026_12_07_0001_clinic_profile': m0008,
  '2026_12_07_0002_cancel_requests': m0009,
  '2026_12_07_0003_gateway_refusals': m0010,
  '2026_12_07_0004_event_api_version': m0011,
  '2026_12_07_0005_mail_outbox': m0012,
  '2026_12_07_0006_cancellation_policy': m0013,
  '2026_12_07_0007_hardening': m0014,
  '2026_12_07_0008_admin_roles': m0015,
  '2026_12_07_0009_two_factor': m0016,
  '2026_12_07_0010_catalogue_version': m0017,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...migrations }),
};

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import { withDbErrors } from '../translate-error.js';

/** The index that lets an installation hold one clinic (migration 2026_12_07_0001). */
export const ONE_CLINIC_CONSTRAINT = 'clinics_one_per_installation';

/**
 * The clinic this deployment serves. One clinic per deployment for now; the oldest row wins so
 * the answer is stable if a second is ever added by hand.
 */
export async function findClinic(db: Kysely<Database>) {
  return db
    .selectFrom('clinics')
    .select([
      'id',
      'name',
      'time_zone',
      'address',
      'currency',
      'contact_email',
      'contact_phone',
      'max_open_bookings_per_contact',
      'booking_challenge_always',
      'booking_challenge_threshold',
    ])
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

export interface ClinicSeed {
  id: string;
  name: string;
  timeZone: string;
  address: string;
  currency: string;
  contactEmail: string;
  contactPhone: string;
}

/** Adds a clinic with a known id unless it exists; true when it was added. */
export async function insertClinicIfMissing(
  trx: Transaction<Database>,
  clinic: ClinicSeed,
): Promise<boolean> {
  const row = await trx
    .insertInto('clinics')
    .values({
      id: clinic.id,
      name: clinic.name,
      time_zone: clinic.timeZone,
      address: clinic.address,
      currency: clinic.currency,
      contact_email: clinic.contactEmail,
      contact_phone: clinic.contactPhone,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export interface ClinicProfile {
  name: string;
  address: string;
  timeZone: string;
  currency: string;
  contactEmail: string;
  contactPhone: string;
}

const profileColumns = (p: ClinicProfile) => ({
  name: p.name,
  address: p.address,
  time_zone: p.timeZone,
  currency: p.currency,
  contact_email: p.contactEmail,
  contact_phone: p.contactPhone,
});

/**
 * Creates the installation's clinic. A second one is refused by the database (UniqueViolationError
 * on ONE_CLINIC_CONSTRAINT), so two set-ups at once cannot both succeed.
 */
export async function createClinic(
  db: Kysely<Database>,
  profile: ClinicProfile,
  at: Date,
): Promise<string> {
  const { id } = await withDbErrors(() =>
    db
      .insertInto('clinics')
      .values({ ...profileColumns(profile), created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return id;
}

/** Locks the clinic's row for a change of its profile. */
export async function lockClinic(trx: Transaction<Database>, clinicId: string) {
  return trx
    .selectFrom('clinics')
    .select(['id', 'time_zone', 'currency'])
    .where('id', '=', clinicId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function updateClinic(
  trx: Transaction<Database>,
  clinicId: string,
  profile: ClinicProfile,
  at: Date,
): Promise<void> {
  await trx
    .updateTable('clinics')
    .set({ ...profileColumns(profile), updated_at: at })
    .where('id', '=', clinicId)
    .execute();
}

/** Whether any payment was ever recorded: the currency is fixed from then on. */
export async function countPayments(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('payments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Stripe's currency changed in Payment Settings: the clinic prices in it too. */
export async function setClinicCurrency(
  db: Kysely<Database>,
  clinicId: string,
  currency: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('clinics')
    .set({ currency, updated_at: at })
    .where('id', '=', clinicId)
    .where('currency', '<>', currency)
    .execute();
}

/** A database nobody has set up yet: no clinic and no admin (what `npm start` may seed). */
export async function isInstallationEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.exists(eb.selectFrom('clinics').select('clinics.id')).as('has_clinic'),
      eb.exists(eb.selectFrom('admin_users').select('admin_users.id')).as('has_admin'),
    ])
    .executeTakeFirstOrThrow();
  return !row.has_clinic && !row.has_admin;
}

export interface BookingGuards {
  maxOpenBookingsPerContact: number;
  challengeAlways: boolean;
  challengeThreshold: number;
}

/** Saves the clinic's anti-flood settings (the caps per contact, when to ask for proof of work). */
export async function updateBookingGuards(
  db: Kysely<Database>,
  clinicId: string,
  guards: BookingGuards,
  at: Date,
): Promise<void> {
  await db
    .updateTable('clinics')
    .set({
      max_open_bookings_per_contact: guards.maxOpenBookingsPerContact,
      booking_challenge_always: guards.challengeAlways,
      booking_challenge_threshold: guards.challengeThreshold,
      updated_at: at,
    })
    .where('id', '=', clinicId)
    .execute();
}

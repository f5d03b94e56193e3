import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

/**
 * The clinic this deployment serves. One clinic per deployment for now; the oldest row wins so
 * the answer is stable if a second is ever added by hand.
 */
export async function findClinic(db: Kysely<Database>) {
  return db
    .selectFrom('clinics')
    .select(['id', 'name', 'time_zone', 'address', 'currency'])
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
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

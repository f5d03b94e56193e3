import type { Kysely } from 'kysely';
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

/** Services patients can book (not soft-deleted), by name. */
export async function listBookableServices(db: Kysely<Database>, clinicId: string) {
  return db
    .selectFrom('services')
    .select(['id', 'name', 'duration_minutes', 'price_amount', 'price_currency'])
    .where('clinic_id', '=', clinicId)
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

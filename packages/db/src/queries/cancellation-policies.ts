import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import type { JsonObject } from '../tables/column-types.js';

// Cancellation policies: the clinic's, each service's override, and the one stored with a booking.
// The jsonb is validated by the API on the way in and out; null means "the next one up".

/** The clinic's policy and every live service's override, for the admin's page. */
export async function findPolicies(db: Kysely<Database>, clinicId: string) {
  const clinic = await db
    .selectFrom('clinics')
    .select(['cancellation_policy', 'currency', 'contact_phone'])
    .where('id', '=', clinicId)
    .executeTakeFirst();
  const services = await db
    .selectFrom('services')
    .select(['id', 'name', 'cancellation_policy'])
    .where('clinic_id', '=', clinicId)
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .execute();
  return { clinic, services };
}

/** The clinic's own policy (null: the default) and the currency its fee is in. */
export async function findClinicPolicy(db: Kysely<Database>, clinicId: string) {
  return db
    .selectFrom('clinics')
    .select(['cancellation_policy', 'currency'])
    .where('id', '=', clinicId)
    .executeTakeFirst();
}

/** The policies that would apply to a new booking of this service now (service first, then clinic). */
export async function findPolicyForService(db: Kysely<Database>, serviceId: string) {
  return db
    .selectFrom('services')
    .innerJoin('clinics', 'clinics.id', 'services.clinic_id')
    .select([
      'services.cancellation_policy as service_policy',
      'clinics.cancellation_policy as clinic_policy',
      'clinics.currency',
    ])
    .where('services.id', '=', serviceId)
    .executeTakeFirst();
}

export async function saveClinicPolicy(
  trx: Transaction<Database>,
  clinicId: string,
  policy: JsonObject,
  at: Date,
): Promise<void> {
  await trx
    .updateTable('clinics')
    .set({ cancellation_policy: JSON.stringify(policy), updated_at: at })
    .where('id', '=', clinicId)
    .execute();
}

/** A service's override; null removes it (the clinic's applies). False when there is no such live service. */
export async function saveServicePolicy(
  trx: Transaction<Database>,
  service: { clinicId: string; serviceId: string },
  policy: JsonObject | null,
  at: Date,
): Promise<boolean> {
  const updated = await trx
    .updateTable('services')
    .set({
      cancellation_policy: policy === null ? null : JSON.stringify(policy),
      updated_at: at,
    })
    .where('id', '=', service.serviceId)
    .where('clinic_id', '=', service.clinicId)
    .where('deleted_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return updated !== undefined;
}

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

/** Every service of the clinic, deleted ones included (the admin may restore them), by name. */
export async function listServicesForAdmin(db: Kysely<Database>, clinicId: string) {
  const [services, links] = await Promise.all([
    db
      .selectFrom('services')
      .select([
        'id',
        'name',
        'duration_minutes',
        'price_amount',
        'price_currency',
        'deleted_at',
        'updated_at',
      ])
      .where('clinic_id', '=', clinicId)
      .orderBy('name')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('doctor_services')
      .innerJoin('services', 'services.id', 'doctor_services.service_id')
      .select(['doctor_services.service_id', 'doctor_services.doctor_id'])
      .where('services.clinic_id', '=', clinicId)
      .execute(),
  ]);
  return services.map((s) => ({
    ...s,
    doctor_ids: links.filter((l) => l.service_id === s.id).map((l) => l.doctor_id),
  }));
}

export interface ServiceWrite {
  name: string;
  durationMinutes: number;
  priceAmount: number;
  priceCurrency: string;
  at: Date;
}

export async function insertService(
  db: Kysely<Database>,
  clinicId: string,
  service: ServiceWrite,
  doctorIds: string[],
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('services')
      .values({
        clinic_id: clinicId,
        name: service.name,
        duration_minutes: service.durationMinutes,
        price_amount: service.priceAmount,
        price_currency: service.priceCurrency,
        created_at: service.at,
        updated_at: service.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (doctorIds.length > 0)
      await trx
        .insertInto('doctor_services')
        .values(doctorIds.map((doctorId) => ({ doctor_id: doctorId, service_id: id })))
        .execute();
    return id;
  });
}

/** Changes a service of this clinic; false when there is none. */
export async function updateService(
  db: Kysely<Database>,
  clinicId: string,
  serviceId: string,
  service: ServiceWrite,
): Promise<boolean> {
  const result = await db
    .updateTable('services')
    .set({
      name: service.name,
      duration_minutes: service.durationMinutes,
      price_amount: service.priceAmount,
      price_currency: service.priceCurrency,
      updated_at: service.at,
    })
    .where('id', '=', serviceId)
    .where('clinic_id', '=', clinicId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Soft delete (and restore): past appointments keep pointing at the service. */
export async function setServiceDeleted(
  db: Kysely<Database>,
  clinicId: string,
  serviceId: string,
  deletedAt: Date | null,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('services')
    .set({ deleted_at: deletedAt, updated_at: at })
    .where('id', '=', serviceId)
    .where('clinic_id', '=', clinicId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Services patients can book, with their prices: what the Stripe currency rule checks. */
export async function findActiveServicePrices(db: Kysely<Database>, clinicId: string) {
  return db
    .selectFrom('services')
    .select(['id', 'name', 'price_amount', 'price_currency'])
    .where('clinic_id', '=', clinicId)
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .execute();
}

/** Services patients can book (not soft-deleted), by name. */
export async function listBookableServices(db: Kysely<Database>, clinicId: string) {
  return db
    .selectFrom('services')
    .select([
      'id',
      'name',
      'duration_minutes',
      'price_amount',
      'price_currency',
      'cancellation_policy',
    ])
    .where('clinic_id', '=', clinicId)
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export interface ServiceSeed {
  id: string;
  clinicId: string;
  name: string;
  durationMinutes: number;
  priceAmount: number;
  priceCurrency: string;
}

/** Adds services with known ids; existing ones are left as they are. */
export async function insertServicesIfMissing(
  trx: Transaction<Database>,
  services: readonly ServiceSeed[],
): Promise<void> {
  await trx
    .insertInto('services')
    .values(
      services.map((s) => ({
        id: s.id,
        clinic_id: s.clinicId,
        name: s.name,
        duration_minutes: s.durationMinutes,
        price_amount: s.priceAmount,
        price_currency: s.priceCurrency,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Lets doctors offer services; pairs that exist are kept. */
export async function linkDoctorsToServices(
  trx: Transaction<Database>,
  pairs: readonly { doctorId: string; serviceId: string }[],
): Promise<void> {
  await trx
    .insertInto('doctor_services')
    .values(pairs.map((p) => ({ doctor_id: p.doctorId, service_id: p.serviceId })))
    .onConflict((oc) => oc.columns(['doctor_id', 'service_id']).doNothing())
    .execute();
}

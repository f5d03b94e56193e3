import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, NewAppointment } from '../schema.js';

export interface CatalogueFixture {
  clinicId: string;
  /** Two doctors, both offering the service. */
  doctorIds: [string, string];
  serviceId: string;
}

/** A clinic in Europe/Paris with two doctors and one 30-minute EUR 50.00 service. */
export async function insertCatalogueFixture(db: Kysely<Database>): Promise<CatalogueFixture> {
  const clinic = await db
    .insertInto('clinics')
    .values({ name: 'Test clinic', time_zone: 'Europe/Paris', currency: 'EUR' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const doctors = await db
    .insertInto('doctors')
    .values([
      { clinic_id: clinic.id, name: 'Dr. A', specialty: 'General practice' },
      { clinic_id: clinic.id, name: 'Dr. B', specialty: 'General practice' },
    ])
    .returning('id')
    .execute();
  const service = await db
    .insertInto('services')
    .values({
      clinic_id: clinic.id,
      name: 'Consultation',
      duration_minutes: 30,
      price_amount: 5000,
      price_currency: 'EUR',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const [a, b] = doctors;
  if (!a || !b) throw new Error('fixture: doctors were not inserted');
  await db
    .insertInto('doctor_services')
    .values([a, b].map((d) => ({ doctor_id: d.id, service_id: service.id })))
    .execute();
  return { clinicId: clinic.id, doctorIds: [a.id, b.id], serviceId: service.id };
}

export async function insertPatientFixture(db: Kysely<Database>): Promise<string> {
  const row = await db
    .insertInto('patients')
    .values({ name: 'Pat Ient', email: 'pat@example.test', phone: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Appointment values with a unique reference; override what the test is about. */
export function appointmentValues(
  base: {
    doctorId: string;
    serviceId: string;
    patientId: string;
    startsAt: Date;
    minutes?: number;
  },
  overrides: Partial<NewAppointment> = {},
): NewAppointment {
  const endsAt = new Date(base.startsAt.getTime() + (base.minutes ?? 30) * 60_000);
  return {
    reference: `T-${randomBytes(5).toString('hex').toUpperCase()}`,
    doctor_id: base.doctorId,
    service_id: base.serviceId,
    patient_id: base.patientId,
    starts_at: base.startsAt,
    ends_at: endsAt,
    status: 'pending_payment',
    hold_expires_at: new Date(base.startsAt.getTime() - 60_000),
    payment_method: 'stripe',
    access_token_hash: randomUUID(),
    ...overrides,
  };
}

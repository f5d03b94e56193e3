import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { AppointmentStatus } from '../statuses.js';
import { keysetPage, type KeysetPageRequest } from './keyset-page.js';
import { containing } from './like-pattern.js';

export interface AppointmentFilter {
  /** One appointment (the detail view reads through the same query). */
  id?: string | undefined;
  /** starts_at in [from, to). */
  from?: Date | undefined;
  to?: Date | undefined;
  doctorId?: string | undefined;
  statuses?: AppointmentStatus[] | undefined;
  /** A booking reference or a whole email (exact), or part of the patient's name or email. */
  patient?: { kind: 'reference' | 'email' | 'text'; value: string } | undefined;
}

export interface AppointmentPageRequest extends KeysetPageRequest {
  filter: AppointmentFilter;
}

/** A page of appointments by start time, with patient, service, doctor and latest payment. */
export async function listAppointmentsPage(db: Kysely<Database>, request: AppointmentPageRequest) {
  const { filter } = request;
  let query = db
    .selectFrom('appointments as a')
    .innerJoin('patients as pt', 'pt.id', 'a.patient_id')
    .innerJoin('services as s', 's.id', 'a.service_id')
    .innerJoin('doctors as d', 'd.id', 'a.doctor_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('payments')
          .select([
            'payments.id',
            'payments.status',
            'payments.gateway',
            'payments.amount',
            'payments.currency',
            'payments.amount_refunded',
          ])
          .whereRef('payments.appointment_id', '=', 'a.id')
          .orderBy('payments.created_at', 'desc')
          .limit(1)
          .as('p'),
      (join) => join.onTrue(),
    );
  if (filter.id) query = query.where('a.id', '=', filter.id);
  if (filter.from) query = query.where('a.starts_at', '>=', filter.from);
  if (filter.to) query = query.where('a.starts_at', '<', filter.to);
  if (filter.doctorId) query = query.where('a.doctor_id', '=', filter.doctorId);
  if (filter.statuses && filter.statuses.length > 0)
    query = query.where('a.status', 'in', filter.statuses);
  const patient = filter.patient;
  if (patient?.kind === 'reference') query = query.where('a.reference', '=', patient.value);
  if (patient?.kind === 'email')
    query = query.where(sql`lower(pt.email)`, '=', patient.value.toLowerCase());
  if (patient?.kind === 'text') {
    const pattern = containing(patient.value);
    query = query.where((eb) =>
      eb.or([eb('pt.name', 'ilike', pattern), eb('pt.email', 'ilike', pattern)]),
    );
  }
  return keysetPage(query, { sort: 'a.starts_at', id: 'a.id' }, request)
    .select([
      'a.id',
      'a.reference',
      'a.status',
      'a.starts_at',
      'a.ends_at',
      'a.payment_method',
      'a.cancel_reason',
      sql<string>`a.starts_at::text`.as('starts_at_key'),
      'pt.name as patient_name',
      'pt.email as patient_email',
      'pt.phone as patient_phone',
      's.name as service_name',
      'a.service_id',
      'd.id as doctor_id',
      'd.name as doctor_name',
      'p.id as payment_id',
      'p.status as payment_status',
      'p.gateway as payment_gateway',
      'p.amount as payment_amount',
      'p.currency as payment_currency',
      'p.amount_refunded as payment_amount_refunded',
    ])
    .execute();
}

export type AppointmentRow = Awaited<ReturnType<typeof listAppointmentsPage>>[number];

/** The payments of one appointment, newest first. */
export async function findPaymentsOfAppointment(db: Kysely<Database>, appointmentId: string) {
  return db
    .selectFrom('payments')
    .select([
      'id',
      'status',
      'gateway',
      'mode',
      'amount',
      'currency',
      'amount_refunded',
      'payment_intent_id',
      'created_at',
    ])
    .where('appointment_id', '=', appointmentId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** The cancellation policy kept with an appointment when it was booked (null: booked before policies). */
export async function findAppointmentPolicy(db: Kysely<Database>, appointmentId: string) {
  const row = await db
    .selectFrom('appointments')
    .select('cancellation_policy')
    .where('id', '=', appointmentId)
    .executeTakeFirst();
  return row?.cancellation_policy ?? null;
}

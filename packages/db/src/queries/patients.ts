import type { Transaction } from 'kysely';
import type { Database } from '../schema.js';

/** A guest patient, one row per booking: never merged by e-mail, so nobody overwrites another. */
export async function insertPatient(
  trx: Transaction<Database>,
  patient: { name: string; email: string; phone: string; at: Date },
): Promise<string> {
  const { id } = await trx
    .insertInto('patients')
    .values({
      name: patient.name,
      email: patient.email,
      phone: patient.phone,
      created_at: patient.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

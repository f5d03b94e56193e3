import { findClinic, type Database, type Kysely } from '@clinicpay/db';
import { AppError } from '../../errors/app-error.js';

/** The clinic this deployment serves; admin screens cannot do anything without one. */
export async function requireClinic(db: Kysely<Database>) {
  const clinic = await findClinic(db);
  if (!clinic)
    throw new AppError(
      'clinic_not_set_up',
      'No clinic is set up yet: fill in the set-up page in the admin first.',
    );
  return clinic;
}

/** The same, as a patient's page asks for it: the sentence names who can fix it. */
export async function requireClinicForPatients(db: Kysely<Database>) {
  const clinic = await findClinic(db);
  if (!clinic)
    throw new AppError(
      'clinic_not_set_up',
      'This clinic is not taking online bookings yet. Please call the clinic to book.',
    );
  return clinic;
}

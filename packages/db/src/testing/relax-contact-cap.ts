import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * For test and proof stacks, which book one patient many times: a cap no suite reaches. The
 * cap's own tests and the proof's flood set the clinic's real value back first.
 */
export async function relaxContactCapForTests(db: Kysely<Database>): Promise<void> {
  await db.updateTable('clinics').set({ max_open_bookings_per_contact: 10_000 }).execute();
}

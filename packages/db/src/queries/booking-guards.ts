import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.js';

/** The bookings a contact still holds: not cancelled, and not started yet. */
const OPEN = ['pending_payment', 'confirmed'] as const;

/** An e-mail address as the caps count it: trimmed, lower case. */
const emailKey = (column: 'pt.email') => sql`lower(trim(${sql.ref(column)}))`;
/** A phone number as the caps count it: E.164-like, digits with a leading + (00 read as +). */
const phoneKey = (value: ReturnType<typeof sql>) =>
  sql`regexp_replace(regexp_replace(${value}, '[^0-9+]', '', 'g'), '^00', '+')`;

/**
 * Serialises bookings for one e-mail address or phone number until the transaction ends, so
 * concurrent bookings for one contact are counted one after another, never all against the same
 * count. Locks are taken in a fixed order, so two bookings naming the same pair cannot deadlock.
 */
export async function lockBookingContacts(
  trx: Transaction<Database>,
  contact: { email: string; phone: string },
): Promise<void> {
  const keys = [
    `contact:email:${contact.email.trim().toLowerCase()}`,
    `contact:phone:${contact.phone.replace(/[^0-9+]/g, '').replace(/^00/, '+')}`,
  ].sort();
  for (const key of keys)
    await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
}

/** How many open future bookings name this e-mail address, and how many this phone number. */
export async function countOpenBookingsOfContact(
  db: Kysely<Database>,
  contact: { email: string; phone: string; now: Date },
): Promise<{ byEmail: number; byPhone: number }> {
  const row = await db
    .selectFrom('appointments as a')
    .innerJoin('patients as pt', 'pt.id', 'a.patient_id')
    .select([
      sql<number>`count(*) FILTER (WHERE ${emailKey('pt.email')} = ${contact.email.trim().toLowerCase()})::int`.as(
        'byEmail',
      ),
      sql<number>`count(*) FILTER (WHERE ${phoneKey(sql.ref('pt.phone'))} = ${phoneKey(sql`${contact.phone}::text`)})::int`.as(
        'byPhone',
      ),
    ])
    .where('a.status', 'in', OPEN)
    .where('a.starts_at', '>', contact.now)
    .executeTakeFirstOrThrow();
  return { byEmail: row.byEmail, byPhone: row.byPhone };
}

/** Bookings made since a time, whoever made them: how busy the booking form is right now. */
export async function countBookingsSince(db: Kysely<Database>, since: Date): Promise<number> {
  const row = await db
    .selectFrom('appointments')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return row.n;
}

export type BookingSource =
  | { kind: 'address'; value: string }
  | { kind: 'network'; value: string }
  | { kind: 'email'; value: string };

/**
 * The open bookings made from one address, one network (an IPv6 /64) or for one e-mail address
 * within a window of creation times, oldest first: what an admin cancels after a flood.
 */
export async function findOpenBookingsFromSource(
  db: Kysely<Database>,
  query: { source: BookingSource; from: Date; to: Date; limit: number },
) {
  const { source } = query;
  return db
    .selectFrom('appointments as a')
    .innerJoin('patients as pt', 'pt.id', 'a.patient_id')
    .select(['a.id', 'a.reference', 'a.status', 'a.starts_at', 'a.created_at'])
    .where('a.status', 'in', OPEN)
    .where('a.created_at', '>=', query.from)
    .where('a.created_at', '<', query.to)
    .$call((q) =>
      source.kind === 'address'
        ? q.where('a.client_address', '=', source.value)
        : source.kind === 'network'
          ? q.where('a.client_network', '=', source.value)
          : q.where(emailKey('pt.email'), '=', source.value.trim().toLowerCase()),
    )
    .orderBy('a.created_at')
    .orderBy('a.id')
    .limit(query.limit)
    .execute();
}

/** Forgets where bookings came from once they are old enough: the address is personal data. */
export async function clearClientAddressesBefore(
  db: Kysely<Database>,
  before: Date,
): Promise<number> {
  const result = await db
    .updateTable('appointments')
    .set({ client_address: null, client_network: null })
    .where('created_at', '<', before)
    .where('client_network', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

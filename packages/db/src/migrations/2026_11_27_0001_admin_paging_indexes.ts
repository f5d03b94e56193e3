// Indexes for the admin's keyset pages. Frozen in time: never edit after it has shipped.
import { type Kysely, sql } from 'kysely';

/**
 * A keyset page asks `(sort column, id) < (last value, last id)` in that order; PostgreSQL can
 * start an index scan at that row only when the index holds both columns, otherwise every page
 * rescans from the top (and a CSV export of a million rows turns quadratic). The indexes they
 * replace are their prefixes, so nothing that used those loses anything.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX payments_created_id_idx ON payments (created_at, id)`.execute(db);
  await sql`CREATE INDEX payments_status_created_id_idx ON payments (status, created_at, id)`.execute(
    db,
  );
  await sql`CREATE INDEX payments_amount_id_idx ON payments (amount, id)`.execute(db);
  await sql`DROP INDEX payments_created_idx`.execute(db);
  await sql`DROP INDEX payments_status_created_idx`.execute(db);

  await sql`CREATE INDEX appointments_starts_id_idx ON appointments (starts_at, id)`.execute(db);

  await sql`CREATE INDEX stripe_events_received_id_idx ON stripe_events (received_at, id)`.execute(
    db,
  );
  await sql`DROP INDEX stripe_events_received_idx`.execute(db);
  // The settings page's "last event" per mode, and the log filtered by mode.
  await sql`CREATE INDEX stripe_events_livemode_received_idx ON stripe_events (livemode, received_at)`.execute(
    db,
  );

  // Searching payments and appointments by a patient's full email (case-insensitive).
  await sql`CREATE INDEX patients_email_lower_idx ON patients (lower(email))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX patients_email_lower_idx`.execute(db);
  await sql`DROP INDEX stripe_events_livemode_received_idx`.execute(db);
  await sql`CREATE INDEX stripe_events_received_idx ON stripe_events (received_at)`.execute(db);
  await sql`DROP INDEX stripe_events_received_id_idx`.execute(db);
  await sql`DROP INDEX appointments_starts_id_idx`.execute(db);
  await sql`CREATE INDEX payments_status_created_idx ON payments (status, created_at)`.execute(db);
  await sql`CREATE INDEX payments_created_idx ON payments (created_at)`.execute(db);
  await sql`DROP INDEX payments_amount_id_idx`.execute(db);
  await sql`DROP INDEX payments_status_created_id_idx`.execute(db);
  await sql`DROP INDEX payments_created_id_idx`.execute(db);
}

// E-mail: the outbox and the clinic's mail settings. Frozen in time: never edit after it has shipped.
import { type Kysely, sql } from 'kysely';

const statuses = sql.raw(`'pending', 'sending', 'sent', 'failed', 'dropped'`);

/**
 * Each message is a row written in the transaction that makes its fact true. `fact_key` is unique
 * (`confirmed:<appointment>`, `refund:<refund>`, `reminder:<appointment>:<starts_at>`), so duplicate
 * events, retries and replicas make one row. The sender claims due rows with FOR UPDATE SKIP LOCKED,
 * renders them from the booking as it is then, and records what the SMTP server answered.
 * `message_id` is chosen at the first claim and kept, so a resend after a crash is the same message.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE mail_outbox (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      fact_key text NOT NULL CONSTRAINT mail_outbox_fact_key_key UNIQUE,
      kind text NOT NULL,
      audience text NOT NULL CHECK (audience IN ('patient', 'clinic')),
      appointment_id uuid REFERENCES appointments (id),
      refund_id uuid REFERENCES refunds (id),
      recipient text NOT NULL DEFAULT '',
      details jsonb NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'pending' CHECK (status IN (${statuses})),
      due_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      claimed_until timestamptz,
      message_id text,
      smtp_response text,
      last_error text,
      drop_reason text,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // The sender's claim reads only the rows still to send, oldest due first.
  await sql`CREATE INDEX mail_outbox_due_idx ON mail_outbox (due_at) WHERE status IN ('pending', 'sending')`.execute(
    db,
  );
  await sql`CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC, id DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX mail_outbox_appointment_idx ON mail_outbox (appointment_id) WHERE appointment_id IS NOT NULL`.execute(
    db,
  );

  // Messages link to the patient's booking page, whose secret is otherwise kept only as a hash:
  // the API keeps it encrypted (APP_SECRET) so a message written later can still carry the link.
  await sql`ALTER TABLE appointments ADD COLUMN access_token_sealed text`.execute(db);

  // Sender name and address ('' = MAIL_FROM's), reminder timing (NULL = no reminders), and where
  // clinic notices go ('' = the contact e-mail).
  await sql`
    ALTER TABLE clinics
      ADD COLUMN mail_sender_name text NOT NULL DEFAULT '',
      ADD COLUMN mail_sender_address text NOT NULL DEFAULT '',
      ADD COLUMN reminder_hours_before integer DEFAULT 24
        CHECK (reminder_hours_before BETWEEN 1 AND 168),
      ADD COLUMN notice_emails text NOT NULL DEFAULT ''
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE clinics
      DROP COLUMN mail_sender_name,
      DROP COLUMN mail_sender_address,
      DROP COLUMN reminder_hours_before,
      DROP COLUMN notice_emails
  `.execute(db);
  await sql`DROP TABLE mail_outbox`.execute(db);
  await sql`ALTER TABLE appointments DROP COLUMN access_token_sealed`.execute(db);
}

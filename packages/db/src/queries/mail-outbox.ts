import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { JsonObject } from '../tables/column-types.js';
import type { MailAudience, MailStatus } from '../tables/mail.js';
import { keysetPage, type KeysetPageRequest } from './keyset-page.js';

export interface NewMail {
  factKey: string;
  kind: string;
  audience: MailAudience;
  appointmentId?: string | null;
  refundId?: string | null;
  recipient: string;
  details?: JsonObject;
  dueAt: Date;
  expiresAt: Date;
  createdAt: Date;
}

/**
 * Writes messages in the caller's transaction. A fact already in the outbox keeps its row: the
 * unique fact key makes a duplicate event, a retry or a second replica write nothing.
 */
export async function queueMail(db: Kysely<Database>, messages: NewMail[]): Promise<number> {
  if (messages.length === 0) return 0;
  const written = await db
    .insertInto('mail_outbox')
    .values(
      messages.map((m) => ({
        fact_key: m.factKey,
        kind: m.kind,
        audience: m.audience,
        appointment_id: m.appointmentId ?? null,
        refund_id: m.refundId ?? null,
        recipient: m.recipient,
        details: JSON.stringify(m.details ?? {}),
        due_at: m.dueAt,
        expires_at: m.expiresAt,
        created_at: m.createdAt,
        updated_at: m.createdAt,
      })),
    )
    .onConflict((oc) => oc.column('fact_key').doNothing())
    .returning('id')
    .execute();
  return written.length;
}

/** Still to send, and past its moment: dropped unsent (a claim in progress is left to finish). */
export async function dropExpiredMail(db: Kysely<Database>, now: Date): Promise<number> {
  const dropped = await db
    .updateTable('mail_outbox')
    .set({ status: 'dropped', drop_reason: 'expired', claimed_until: null, updated_at: now })
    .where('expires_at', '<=', now)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'pending'),
        eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<=', now)]),
      ]),
    )
    .returning('id')
    .execute();
  return dropped.length;
}

/** Drops an appointment's messages of `kind` still waiting (a cancelled booking's reminder). */
export async function dropWaitingMail(
  db: Kysely<Database>,
  request: { appointmentId: string; kind: string; reason: string; at: Date },
): Promise<number> {
  const dropped = await db
    .updateTable('mail_outbox')
    .set({ status: 'dropped', drop_reason: request.reason, updated_at: request.at })
    .where('appointment_id', '=', request.appointmentId)
    .where('kind', '=', request.kind)
    .where('status', '=', 'pending')
    .returning('id')
    .execute();
  return dropped.length;
}

export interface ClaimRequest {
  now: Date;
  limit: number;
  /** How long the claimer has before another sender may take the row over. */
  leaseMs: number;
  /** The right-hand side of a new Message-ID, e.g. the domain of MAIL_FROM. */
  messageIdDomain: string;
}

/**
 * Claims due messages for this sender: pending ones whose time has come, and ones whose sender
 * went quiet past its lease (a crash mid-send). SKIP LOCKED lets replicas claim side by side
 * without waiting on each other. The Message-ID is fixed at the first claim and kept after, so a
 * resend is the same message to the recipient's mail client.
 */
export async function claimDueMail(db: Kysely<Database>, request: ClaimRequest) {
  const { now, limit, leaseMs, messageIdDomain } = request;
  return db
    .updateTable('mail_outbox')
    .set((eb) => ({
      status: 'sending',
      attempts: eb('attempts', '+', 1),
      claimed_until: new Date(now.getTime() + leaseMs),
      message_id: sql<string>`coalesce(message_id, '<' || id::text || '@' || ${messageIdDomain}::text || '>')`,
      updated_at: now,
    }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('mail_outbox')
        .select('id')
        .where('due_at', '<=', now)
        .where('expires_at', '>', now)
        .where((w) =>
          w.or([
            w('status', '=', 'pending'),
            w.and([w('status', '=', 'sending'), w('claimed_until', '<=', now)]),
          ]),
        )
        .orderBy('due_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning([
      'id',
      'fact_key',
      'kind',
      'audience',
      'appointment_id',
      'refund_id',
      'recipient',
      'details',
      'attempts',
      'message_id',
      'created_at',
      (eb) =>
        eb
          .selectFrom('appointments')
          .select('appointments.reference')
          .whereRef('appointments.id', '=', 'mail_outbox.appointment_id')
          .as('reference'),
    ])
    .execute();
}

export type ClaimedMail = Awaited<ReturnType<typeof claimDueMail>>[number];

type Outcome =
  | { status: 'sent'; recipient: string; smtpResponse: string }
  | { status: 'failed'; recipient: string; error: string }
  | { status: 'pending'; recipient: string; error: string; retryAt: Date }
  | { status: 'dropped'; reason: string };

/**
 * Records what became of a claimed message. Only a row still being sent is changed: a sender whose
 * lease ran out and whose row another sender has since finished changes nothing.
 */
export async function recordMailOutcome(
  db: Kysely<Database>,
  id: string,
  outcome: Outcome,
  at: Date,
): Promise<boolean> {
  const changes = (() => {
    switch (outcome.status) {
      case 'sent':
        return {
          recipient: outcome.recipient,
          smtp_response: outcome.smtpResponse,
          last_error: null,
          sent_at: at,
        };
      case 'failed':
        return { recipient: outcome.recipient, last_error: outcome.error };
      case 'pending':
        return { recipient: outcome.recipient, last_error: outcome.error, due_at: outcome.retryAt };
      case 'dropped':
        return { drop_reason: outcome.reason };
    }
  })();
  const row = await db
    .updateTable('mail_outbox')
    .set({ ...changes, status: outcome.status, claimed_until: null, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export interface SentMail {
  id: string;
  recipient: string;
  smtpResponse: string;
}

/**
 * Records a batch of messages the server accepted, in one statement (recordMailOutcome's 'sent',
 * row by row): only rows still being sent change. Returns the ids recorded.
 */
export async function recordMailSent(
  db: Kysely<Database>,
  sent: readonly SentMail[],
  at: Date,
): Promise<string[]> {
  if (sent.length === 0) return [];
  const values = JSON.stringify(
    sent.map((m) => ({ id: m.id, recipient: m.recipient, smtp_response: m.smtpResponse })),
  );
  const { rows } = await sql<{ id: string }>`
    UPDATE mail_outbox AS m
    SET status = 'sent', recipient = s.recipient, smtp_response = s.smtp_response, last_error = NULL,
      sent_at = ${at}, claimed_until = NULL, updated_at = ${at}
    FROM jsonb_to_recordset(${values}::jsonb) AS s(id uuid, recipient text, smtp_response text)
    WHERE m.id = s.id AND m.status = 'sending'
    RETURNING m.id`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * An admin's Resend of a failed or dropped message: due now, with a fresh set of tries and a day
 * to go out. The Message-ID stays: it is the same message.
 */
export async function resendMail(db: Kysely<Database>, id: string, now: Date) {
  return db
    .updateTable('mail_outbox')
    .set({
      status: 'pending',
      attempts: 0,
      due_at: now,
      expires_at: new Date(now.getTime() + 24 * 3600_000),
      drop_reason: null,
      last_error: null,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('status', 'in', ['failed', 'dropped'])
    .returning(['id', 'kind', 'recipient'])
    .executeTakeFirst();
}

/** Moves the reminders still to send when the clinic changes how long before they go. */
export async function replanReminders(
  db: Kysely<Database>,
  hoursBefore: number,
  now: Date,
): Promise<number> {
  const moved = await db
    .updateTable('mail_outbox')
    .from('appointments')
    .set({
      due_at: sql<Date>`appointments.starts_at - make_interval(hours => ${hoursBefore}::int)`,
      updated_at: now,
    })
    .whereRef('appointments.id', '=', 'mail_outbox.appointment_id')
    .where('mail_outbox.kind', '=', 'appointment_reminder')
    .where('mail_outbox.status', '=', 'pending')
    .returning('mail_outbox.id')
    .execute();
  return moved.length;
}

export interface MailLogFilter {
  status?: MailStatus | undefined;
  appointmentId?: string | undefined;
}

/** The e-mail log, newest first, in keyset pages. */
export async function listMailPage(
  db: Kysely<Database>,
  request: Omit<KeysetPageRequest, 'direction'> & { filter: MailLogFilter },
) {
  const { filter } = request;
  let query = db
    .selectFrom('mail_outbox as m')
    .leftJoin('appointments as a', 'a.id', 'm.appointment_id');
  if (filter.status) query = query.where('m.status', '=', filter.status);
  if (filter.appointmentId) query = query.where('m.appointment_id', '=', filter.appointmentId);
  return keysetPage(query, { sort: 'm.created_at', id: 'm.id' }, { ...request, direction: 'desc' })
    .select([
      'm.id',
      'm.kind',
      'm.audience',
      'm.recipient',
      'm.status',
      'm.attempts',
      'm.last_error',
      'm.drop_reason',
      'm.smtp_response',
      'm.message_id',
      'm.due_at',
      'm.sent_at',
      'm.created_at',
      'm.appointment_id',
      'a.reference',
      sql<string>`m.created_at::text`.as('created_at_key'),
    ])
    .execute();
}

/** How many messages of `kind` an appointment had written before `before` (another row than `excludeId`). */
export async function countEarlierMail(
  db: Kysely<Database>,
  request: { appointmentId: string; kind: string; before: Date; excludeId: string },
): Promise<number> {
  const row = await db
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('appointment_id', '=', request.appointmentId)
    .where('kind', '=', request.kind)
    .where('created_at', '<=', request.before)
    .where('id', '<>', request.excludeId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Messages that could not be sent, for the admin's attention. */
export async function countFailedMail(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('status', '=', 'failed')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

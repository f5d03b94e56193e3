import {
  claimDueMail,
  dropExpiredMail,
  recordMailOutcome,
  type ClaimedMail,
  type MailClinicRow,
} from '@clinicpay/db';
import { renderMail, type MailMessage, type RenderedMail } from '@clinicpay/mail';
import type { AppDeps } from '../../deps.js';
import { composeMail, loadMailFacts, type MailFacts } from './compose-mail.js';
import { queueClinicNotice } from './queue-mail.js';
import { createSentRecorder } from './sent-recorder.js';
import {
  isPermanentSmtpFailure,
  smtpErrorLine,
  type MailTransport,
  type SmtpMail,
} from './smtp-transport.js';

const PLAIN_ADDRESS = /^[^\s@,;:<>()[\]"\\]+@[^\s@,;:<>()[\]"\\]+\.[^\s@,;:<>()[\]"\\]+$/;

/** Tries before a message is marked failed for the admin (about an hour of backoff in all). */
export const MAX_MAIL_ATTEMPTS = 8;
const LONGEST_RETRY_MS = 30 * 60_000;
/** A sender that has not finished a claimed message by then is presumed gone; another takes over. */
const LEASE_MS = 2 * 60_000;

/** What a sender claims and sends side by side; the pool's connections take them in turn. */
export const MAIL_BATCH = 50;

export interface MailBatchReport {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  dropped: number;
  expired: number;
}

export interface MailBatchOptions {
  limit?: number;
  leaseMs?: number;
  /** How messages are rendered: the job's render pool; by default here, one after another. */
  render?: RenderMessage;
}

export type RenderMessage = (message: MailMessage) => Promise<RenderedMail>;

/**
 * One batch of the sender: drops what expired, claims what is due (across replicas: SKIP LOCKED),
 * renders each message from the booking as it now is, sends it and records the answer. No row
 * lock is held while SMTP is talked to: the claim is its own short transaction. Without a
 * transport (no SMTP_URL) only expiry runs, so waiting messages still lapse by their kind's rule.
 */
export async function sendDueMail(
  deps: AppDeps,
  transport: MailTransport | null,
  options: MailBatchOptions = {},
): Promise<MailBatchReport> {
  const expired = await dropExpiredMail(deps.db, deps.clock.now());
  if (!transport) return { ...emptyReport(), expired };
  const render = options.render ?? oneAtATime(renderMail);
  const report = await sendBatch(deps, transport, render, await claimBatch(deps, options));
  return { ...report, expired };
}

/**
 * Everything due, batch after batch: the sender's round. The next batch is claimed (and its facts
 * read) while the one before is on the wire, so the SMTP connections are not left idle for those
 * queries between batches; no more than one batch is ever being sent at a time.
 */
export async function sendAllDueMail(
  deps: AppDeps,
  transport: MailTransport | null,
  options: MailBatchOptions = {},
): Promise<MailBatchReport> {
  const limit = options.limit ?? MAIL_BATCH;
  const total = { ...emptyReport(), expired: await dropExpiredMail(deps.db, deps.clock.now()) };
  if (!transport) return total;
  const render = options.render ?? oneAtATime(renderMail);
  let next = claimBatch(deps, { ...options, limit });
  for (;;) {
    const batch = await next;
    if (batch.rows.length === 0) return total;
    const sending = sendBatch(deps, transport, render, batch);
    // A short batch means the outbox is empty for now: the next round's interval picks up the rest.
    next = batch.rows.length === limit ? claimBatch(deps, { ...options, limit }) : NOTHING;
    // Settled before awaiting the send, so a failed claim is never left unhandled meanwhile.
    next.catch(() => undefined);
    const report = await sending;
    for (const key of OUTCOMES) total[key] += report[key];
    total.claimed += report.claimed;
  }
}

const OUTCOMES = ['sent', 'retrying', 'failed', 'dropped'] as const;

function emptyReport(): MailBatchReport {
  return { claimed: 0, sent: 0, retrying: 0, failed: 0, dropped: 0, expired: 0 };
}

interface ClaimedBatch {
  rows: ClaimedMail[];
  facts: MailFacts | null;
}

const NOTHING: Promise<ClaimedBatch> = Promise.resolve({ rows: [], facts: null });

async function claimBatch(deps: AppDeps, options: MailBatchOptions): Promise<ClaimedBatch> {
  const rows = await claimDueMail(deps.db, {
    now: deps.clock.now(),
    limit: options.limit ?? MAIL_BATCH,
    leaseMs: options.leaseMs ?? LEASE_MS,
    messageIdDomain: deps.config.mail.from.address.split('@')[1]!,
  });
  return { rows, facts: rows.length > 0 ? await loadMailFacts(deps.db, rows) : null };
}

async function sendBatch(
  deps: AppDeps,
  transport: MailTransport,
  render: RenderMessage,
  { rows, facts }: ClaimedBatch,
): Promise<MailBatchReport> {
  const report = { ...emptyReport(), claimed: rows.length };
  if (!facts) return report;
  const sent = createSentRecorder(deps);
  const batch = { from: senderOf(deps, facts.clinic), facts, sent, render };
  const outcomes = await Promise.all(rows.map((row) => sendOne(deps, transport, batch, row)));
  await sent.finish();
  for (const outcome of outcomes) report[outcome] += 1;
  return report;
}

interface BatchContext {
  from: SmtpMail['from'];
  facts: MailFacts;
  sent: ReturnType<typeof createSentRecorder>;
  render: RenderMessage;
}

/**
 * Renders in this thread one message after another, in the order they were asked for. Rendering
 * is CPU work: rendered side by side, every message of a batch would be ready (and go to SMTP) only
 * when all were; in turn, the first is on the wire while the next renders.
 */
function oneAtATime(render: RenderMessage): RenderMessage {
  let last: Promise<unknown> = Promise.resolve();
  return (message) => {
    const run = last.then(() => render(message));
    last = run.catch(() => undefined);
    return run;
  };
}

type OneOutcome = 'sent' | 'retrying' | 'failed' | 'dropped';

async function sendOne(
  deps: AppDeps,
  transport: MailTransport,
  { from, facts, sent, render }: BatchContext,
  row: ClaimedMail,
): Promise<OneOutcome> {
  const composed = await composeMail(deps, row, facts);
  if (!composed.send || composed.to.length === 0) {
    const reason = composed.send ? 'no_recipient' : composed.reason;
    await recordMailOutcome(deps.db, row.id, { status: 'dropped', reason }, deps.clock.now());
    return 'dropped';
  }
  const recipient = composed.to.join(', ');
  // Each recipient is one plain address: a stored value holding line breaks, commas or a group
  // ("Bcc: …") would otherwise reach the envelope as more recipients than the fact has.
  const strange = composed.to.find((address) => !PLAIN_ADDRESS.test(address));
  if (strange !== undefined) {
    // Refused as a server would refuse it (553: mailbox name not allowed): failed for good.
    const message = `The address ${JSON.stringify(strange)} is not a single e-mail address.`;
    return recordFailure(deps, row, recipient, { responseCode: 553, message });
  }
  const rendered = await render(composed.message);
  let answer: { response: string };
  try {
    answer = await transport.send({
      from,
      to: composed.to,
      replyTo: composed.message.clinic.email || undefined,
      // A subject holds a patient's name in clinic notices: one line, whatever they typed.
      subject: rendered.subject.replace(/[\r\n]+/g, ' '),
      text: rendered.text,
      html: rendered.html,
      attachments: rendered.attachments,
      // Chosen at the first claim and kept: a resend after a crash is the same message.
      messageId: row.message_id!,
      headers: { 'X-Clinicpay-Fact': row.fact_key },
    });
  } catch (error) {
    return recordFailure(deps, row, recipient, error);
  }
  // Outside the try: a database error after the server took the message is not a failed send
  // (retrying it would send a second copy).
  sent.add({ id: row.id, recipient, smtpResponse: answer.response.slice(0, 500) });
  return 'sent';
}

async function recordFailure(
  deps: AppDeps,
  row: ClaimedMail,
  recipient: string,
  error: unknown,
): Promise<OneOutcome> {
  const at = deps.clock.now();
  const line = smtpErrorLine(error);
  if (!isPermanentSmtpFailure(error) && row.attempts < MAX_MAIL_ATTEMPTS) {
    const delay = retryDelayMs(row.attempts, deps.config.mail.firstRetryMs);
    const retryAt = new Date(at.getTime() + delay);
    await recordMailOutcome(
      deps.db,
      row.id,
      { status: 'pending', recipient, error: line, retryAt },
      at,
    );
    return 'retrying';
  }
  await deps.db.transaction().execute(async (trx) => {
    const recorded = await recordMailOutcome(
      trx,
      row.id,
      { status: 'failed', recipient, error: line },
      at,
    );
    // The clinic hears of a message that could not go out (but not of its own undeliverable
    // notices: that would loop).
    if (recorded && row.kind !== 'clinic_undeliverable' && row.kind !== 'test_message') {
      await queueClinicNotice(
        trx,
        {
          factKey: `undeliverable:${row.id}`,
          kind: 'clinic_undeliverable',
          details: { recipient, about: describe(row), error: line },
        },
        at,
      );
    }
  });
  deps.logger.warn({ mail: row.id, kind: row.kind, error: line }, 'an e-mail could not be sent');
  return 'failed';
}

/** By default 30 s, 1 min, 2 min … at most 30 min between tries. */
export function retryDelayMs(attempts: number, firstRetryMs: number): number {
  return Math.min(firstRetryMs * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

const KIND_NAMES: Record<string, string> = {
  booking_confirmed: 'the booking confirmation',
  booking_rescheduled: 'the new time',
  booking_cancelled: 'the cancellation',
  refund_sent: 'the refund notice',
  appointment_reminder: 'the reminder',
  clinic_new_booking: 'the new-booking notice',
  clinic_cancellation: 'the cancellation notice',
  clinic_dispute_opened: 'the dispute notice',
  clinic_alert: 'the alert',
};

/** "the booking confirmation for CP-7KQ2", for the clinic's notice of a message that failed. */
function describe(row: ClaimedMail): string {
  const what = KIND_NAMES[row.kind] ?? row.kind.replaceAll('_', ' ');
  return row.reference ? `${what} for ${row.reference}` : what;
}

/** The clinic's own sender when it named one, else MAIL_FROM. */
function senderOf(deps: AppDeps, clinic: MailClinicRow | undefined): SmtpMail['from'] {
  const fallback = deps.config.mail.from;
  return {
    name: clinic?.mail_sender_name || fallback.name || clinic?.clinic_name || '',
    address: clinic?.mail_sender_address || fallback.address,
  };
}

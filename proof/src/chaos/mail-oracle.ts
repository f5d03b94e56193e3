// The mail oracle: what the mail catcher received (what really went out over SMTP), fact by fact
// through each message's X-Clinicpay-Fact header, against what the database says happened. The
// facts come from the timelines and the refunds table, never from the outbox, so a fact the
// outbox forgot shows as a missing message.
import type { Kysely } from 'kysely';
import type { Database } from '@clinicpay/db';
import type { CaughtMessage } from '@clinicpay/mail-catcher';

/** The facts every run must see a message for, by the prefix of their key. */
export const EXPECTED_KINDS = [
  'confirmed',
  'clinic-new',
  'cancelled',
  'clinic-cancelled',
  'refund',
] as const;

export interface Duplicate {
  factKey: string;
  copies: number;
  /** Every copy carries the Message-ID of the first, and that is the outbox row's. */
  sameMessageId: boolean;
  firstReceivedMs: number;
  secondReceivedMs: number;
}

export interface MailOracleReport {
  messages: number;
  perKind: Array<{ kind: string; expected: number; received: number; messages: number }>;
  /** Facts that happened with no message received. */
  missing: string[];
  duplicates: Duplicate[];
  /** Messages naming a fact that did not happen. */
  untrue: string[];
  withoutFact: number;
  notInOutbox: string[];
  /** Rows the outbox records as sent that the server never received. */
  sentNotReceived: string[];
  failed: string[];
  /** By kind and reason, e.g. `booking_confirmed: booking_cancelled`. */
  dropped: Record<string, number>;
  /** Cancellations stamped later than now (the hold sweep's moved clock): their mail is due then. */
  dueLater: number;
}

interface Timeline {
  status: string;
  startsAt: Date;
  confirmed: Array<{ id: number; at: Date }>;
  cancelled: Array<{ id: number; at: Date }>;
}

export async function compareMailWithTruth(
  db: Kysely<Database>,
  received: CaughtMessage[],
): Promise<MailOracleReport> {
  const now = new Date();
  const timelines = await readTimelines(db);
  const refunds = await db.selectFrom('refunds').select(['id', 'status']).execute();
  const succeededRefunds = new Set(
    refunds.filter((r) => r.status === 'succeeded').map((r) => r.id),
  );
  const outbox = await db
    .selectFrom('mail_outbox')
    .select(['id', 'fact_key', 'kind', 'status', 'drop_reason', 'message_id', 'appointment_id'])
    .execute();
  const outboxByFact = new Map(outbox.map((row) => [row.fact_key, row]));
  const disputed = new Set(
    (
      await db
        .selectFrom('payments')
        .select('appointment_id')
        .where('dispute_status', 'is not', null)
        .execute()
    ).map((p) => p.appointment_id),
  );

  // What must have been sent: the facts as the database now records them.
  const expected = new Map<string, string[]>(EXPECTED_KINDS.map((k) => [k, []]));
  let dueLater = 0;
  for (const [id, t] of timelines) {
    const lastCancel = t.cancelled.at(-1);
    if (t.status === 'confirmed') expected.get('confirmed')!.push(`confirmed:${id}`);
    // The clinic hears of every booking it had, even one cancelled since (never dropped).
    if (t.confirmed.length > 0) expected.get('clinic-new')!.push(`clinic-new:${id}`);
    if (t.status !== 'cancelled' || !lastCancel) continue;
    if (lastCancel.at > now) {
      dueLater++;
      continue;
    }
    expected.get('cancelled')!.push(`cancelled:${id}`);
    if (t.confirmed.some((c) => c.id < lastCancel.id))
      expected.get('clinic-cancelled')!.push(`clinic-cancelled:${id}`);
  }
  for (const id of succeededRefunds) expected.get('refund')!.push(`refund:${id}`);

  // Whether the fact a received message names happened.
  const happened = (factKey: string): boolean => {
    const [kind = '', id = '', ...rest] = factKey.split(':');
    const t = timelines.get(id);
    switch (kind) {
      case 'confirmed':
      case 'clinic-new':
        return (t?.confirmed.length ?? 0) > 0;
      case 'cancelled':
        return (t?.cancelled.length ?? 0) > 0;
      case 'clinic-cancelled':
        return !!t && t.cancelled.some((c) => t.confirmed.some((f) => f.id < c.id));
      case 'refund':
        return succeededRefunds.has(id);
      case 'reminder':
        return (t?.confirmed.length ?? 0) > 0 && t!.startsAt.toISOString() === rest.join(':');
      case 'dispute': {
        const appointmentId = outboxByFact.get(factKey)?.appointment_id;
        return !!appointmentId && disputed.has(appointmentId);
      }
      case 'undeliverable':
        return outbox.some((row) => row.id === id && row.status === 'failed');
      default:
        return false;
    }
  };

  const byFact = new Map<string, CaughtMessage[]>();
  let withoutFact = 0;
  for (const message of received) {
    const factKey = message.headers['x-clinicpay-fact'];
    if (!factKey) {
      withoutFact++;
      continue;
    }
    byFact.set(factKey, [...(byFact.get(factKey) ?? []), message]);
  }

  const duplicates: Duplicate[] = [];
  for (const [factKey, copies] of byFact) {
    if (copies.length < 2) continue;
    const first = copies[0]!;
    duplicates.push({
      factKey,
      copies: copies.length,
      sameMessageId:
        copies.every((c) => c.messageId === first.messageId) &&
        first.messageId === outboxByFact.get(factKey)?.message_id,
      firstReceivedMs: Date.parse(first.receivedAt),
      secondReceivedMs: Date.parse(copies[1]!.receivedAt),
    });
  }

  const kindOf = (factKey: string) => factKey.split(':')[0]!;
  const perKind = [...new Set([...EXPECTED_KINDS, ...[...byFact.keys()].map(kindOf)])].map(
    (kind) => {
      const facts = [...byFact].filter(([key]) => kindOf(key) === kind);
      return {
        kind,
        expected: expected.get(kind)?.length ?? 0,
        received: facts.length,
        messages: facts.reduce((n, [, copies]) => n + copies.length, 0),
      };
    },
  );
  const dropped: Record<string, number> = {};
  for (const row of outbox)
    if (row.status === 'dropped') {
      const reason = `${row.kind}: ${row.drop_reason ?? 'unknown'}`;
      dropped[reason] = (dropped[reason] ?? 0) + 1;
    }

  return {
    messages: received.length,
    perKind,
    missing: [...expected.values()].flat().filter((key) => !byFact.has(key)),
    duplicates,
    untrue: [...byFact.keys()].filter((key) => !happened(key)),
    withoutFact,
    notInOutbox: [...byFact.keys()].filter((key) => !outboxByFact.has(key)),
    sentNotReceived: outbox
      .filter((row) => row.status === 'sent' && !byFact.has(row.fact_key))
      .map((row) => row.fact_key),
    failed: outbox.filter((row) => row.status === 'failed').map((row) => row.fact_key),
    dropped,
    dueLater,
  };
}

/** Each appointment's status and its moves to confirmed and to cancelled, in order. */
async function readTimelines(db: Kysely<Database>): Promise<Map<string, Timeline>> {
  const appointments = await db
    .selectFrom('appointments')
    .select(['id', 'status', 'starts_at'])
    .execute();
  const timelines = new Map<string, Timeline>(
    appointments.map((a) => [
      a.id,
      { status: a.status, startsAt: a.starts_at, confirmed: [], cancelled: [] },
    ]),
  );
  const events = await db
    .selectFrom('appointment_events')
    .select(['id', 'appointment_id', 'to_status', 'at'])
    .where('to_status', 'in', ['confirmed', 'cancelled'])
    .orderBy('id')
    .execute();
  for (const event of events) {
    const t = timelines.get(event.appointment_id);
    if (!t) continue;
    const move = { id: Number(event.id), at: event.at };
    if (event.to_status === 'confirmed') t.confirmed.push(move);
    else t.cancelled.push(move);
  }
  return timelines;
}

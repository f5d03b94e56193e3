// The chaos run's e-mail: a mail catcher stands in for the SMTP server, every replica sends to it,
// the server is down for the middle third of the run, and afterwards what it received is held
// against what happened (mail-oracle.ts).
import type { Kysely } from 'kysely';
import type { Database } from '@clinicpay/db';
import { startMailCatcher, type MailCatcher } from '@clinicpay/mail-catcher';
import { check, table, type Check } from '../report.js';
import type { DisruptionLog } from './disruptions.js';
import { countRetriedMail, waitUntilMailDrained } from './mail-drain.js';
import { compareMailWithTruth, type Duplicate } from './mail-oracle.js';

const SEND_INTERVAL_SECONDS = 1;
// The API's default (30 s, doubling) would put the retries after the outage past the end of a
// CI-sized run; 5 s keeps its schedule (5, 10, 20 s …) within the run, so the run sees them land.
const RETRY_SECONDS = 5;
/** LEASE_MS of apps/api's mail-sender: a claim cut short (a kill) is taken over after this. */
const LEASE_SECONDS = 120;
/** The sender's batch (mail-job.ts): the most one replica can have sent but not yet recorded. */
const SENDER_BATCH = 50;
/** SMTP_CONNECTIONS of apps/api: one message at a time on each, per replica. */
const SMTP_CONNECTIONS = 5;
/** How long before a cut a message may have gone out without its sender learning it arrived. */
const CUT_WINDOW_MS = 10_000;
/** Time to render and send a backlog once it is due, on a busy machine. */
const MARGIN_SECONDS = 15;

export interface ChaosMail {
  catcher: MailCatcher;
  /** For every replica. */
  env: Record<string, string>;
}

export async function startChaosMail(): Promise<ChaosMail> {
  // Every message of a full-scale run kept (the default keeps 5,000).
  const catcher = await startMailCatcher({ maxMessages: 200_000 });
  return {
    catcher,
    env: {
      SMTP_URL: catcher.smtpUrl,
      MAIL_FROM: 'Proof Clinic <bookings@proof.test>',
      MAIL_SEND_INTERVAL_SECONDS: String(SEND_INTERVAL_SECONDS),
      MAIL_RETRY_SECONDS: String(RETRY_SECONDS),
    },
  };
}

/**
 * When the outbox must be empty: claims cut short by the kill or by the PostgreSQL restart are
 * taken over after their lease; messages refused during the outage go out at their next retry,
 * which the doubling backoff puts at most (outage + first retry) after the server came back.
 */
function drainDeadlineMs(log: DisruptionLog): number {
  const afterLease = (at: number | null) =>
    at === null ? 0 : at + (LEASE_SECONDS + SEND_INTERVAL_SECONDS) * 1000;
  const afterOutage =
    log.smtpUpAtMs === null
      ? 0
      : log.smtpUpAtMs + (log.smtpDownSeconds + RETRY_SECONDS + SEND_INTERVAL_SECONDS) * 1000;
  return Math.max(
    afterLease(log.replicaKilledAtMs),
    afterLease(log.postgresRestartedAtMs),
    afterOutage,
  );
}

/**
 * Why a fact arrived twice. A replica killed mid-send: it sent, never recorded, and another sender
 * took the claim over after its lease. The SMTP server stopped between taking a message and
 * acknowledging it: the sender saw a cut connection and retried (the duplicate SMTP cannot rule
 * out, RFC 1047). PostgreSQL restarted between a send and its record: the row stayed claimed and
 * was sent again after its lease (the crash between send and record the Message-ID is kept for).
 * Anything else is unexplained.
 */
function causeOf(d: Duplicate, log: DisruptionLog): 'kill' | 'outage' | 'restart' | 'unexplained' {
  const within = (at: number | null, slackMs: number) =>
    at !== null && d.firstReceivedMs > at - CUT_WINDOW_MS && d.firstReceivedMs <= at + slackMs;
  const afterLease = d.secondReceivedMs - d.firstReceivedMs >= (LEASE_SECONDS - 10) * 1000;
  // The SIGKILL lands a moment after it is logged.
  if (within(log.replicaKilledAtMs, 1000) && afterLease) return 'kill';
  // The server's close takes a moment after it is asked (a message being read is still stored).
  if (within(log.smtpDownAtMs, 2000)) return 'outage';
  const restartMs = (log.postgresRestartSeconds + 2) * 1000;
  if (within(log.postgresRestartedAtMs, restartMs) && afterLease) return 'restart';
  return 'unexplained';
}

export async function checkChaosMail(
  db: Kysely<Database>,
  catcher: MailCatcher,
  log: DisruptionLog,
  replicas: number,
): Promise<{ checks: Check[]; figures: string[] }> {
  const bound = Math.max(0, (drainDeadlineMs(log) - Date.now()) / 1000) + MARGIN_SECONDS;
  const drained = await waitUntilMailDrained(db, (bound + 30) * 1000);
  const report = await compareMailWithTruth(db, catcher.messages());
  const retried = await countRetriedMail(db);

  const extra = { kill: 0, outage: 0, restart: 0, unexplained: 0 };
  const unexplained: string[] = [];
  for (const d of report.duplicates) {
    const cause = causeOf(d, log);
    extra[cause] += d.copies - 1;
    if (cause === 'unexplained') unexplained.push(`${d.factKey} ${whenOf(d, log)}`);
  }
  const killBound = log.replicaKilledAtMs === null ? 0 : SENDER_BATCH;
  const outageBound = log.smtpDownAtMs === null ? 0 : SMTP_CONNECTIONS * replicas;
  const restartBound = log.postgresRestartedAtMs === null ? 0 : SENDER_BATCH * replicas;
  const otherId = report.duplicates.filter((d) => !d.sameMessageId).map((d) => d.factKey);
  const perKind = report.perKind.map((k) => `${k.kind} ${k.received}/${k.expected}`).join(', ');

  const checks = [
    check(
      'every fact that happened produced an e-mail: confirmations of bookings still confirmed, the clinic’s notice of every booking it had, cancellations, refunds',
      report.missing.length === 0,
      `facts received/expected: ${perKind}${report.dueLater ? `; ${report.dueLater} cancellations dated by the hold sweep’s moved clock, due later` : ''}${sample(report.missing)}`,
    ),
    check(
      '0 e-mails for facts that did not happen: each one received names a fact the database records, and a row of the outbox',
      report.untrue.length === 0 && report.withoutFact === 0 && report.notInOutbox.length === 0,
      `${report.messages} received; ${report.untrue.length} untrue${sample(report.untrue)}, ${report.withoutFact} without X-Clinicpay-Fact, ${report.notInOutbox.length} not in the outbox${sample(report.notInOutbox)}`,
    ),
    check(
      'every e-mail the outbox records as sent was received',
      report.sentNotReceived.length === 0,
      `${report.sentNotReceived.length} not received${sample(report.sentNotReceived)}`,
    ),
    check(
      `duplicates only where a send was cut short, each with the Message-ID of the first: by the kill (at most the killed sender’s batch, ${SENDER_BATCH}), by the SMTP server stopping before it acknowledged (at most one per connection, ${SMTP_CONNECTIONS} × ${replicas}) or by PostgreSQL restarting between a send and its record (at most a batch per replica, ${SENDER_BATCH} × ${replicas})`,
      extra.unexplained === 0 &&
        extra.kill <= killBound &&
        extra.outage <= outageBound &&
        extra.restart <= restartBound &&
        otherId.length === 0,
      `${extra.kill} after the kill, ${extra.outage} cut by the outage, ${extra.restart} around the PostgreSQL restart, ${extra.unexplained} unexplained${sample(unexplained)}; ${otherId.length} with another Message-ID${sample(otherId)}`,
    ),
    check(
      `nothing lost to the SMTP outage: 0 e-mails failed, and the outbox drained within its bound (${bound.toFixed(0)} s: the lease after the kill, the backoff after the outage)`,
      report.failed.length === 0 && drained.left.waiting === 0 && drained.seconds <= bound,
      `${report.failed.length} failed${sample(report.failed)}; drained ${drained.seconds.toFixed(1)} s after the run settled, ${drained.left.waiting} left; ${retried} sent after a failed try`,
    ),
    check(
      'the SMTP server was down for the middle third of the run, and e-mails waited it out',
      log.smtpDownSeconds > 0 && retried > 0,
      `down ${log.smtpDownSeconds.toFixed(1)} s, journeys ${log.smtpDownAt} to ${log.smtpUpAt}`,
    ),
  ];

  const listed = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([key, n]) => `${key} ${n}`)
      .join(', ') || 'none';
  const figures = [
    table(
      ['e-mail fact', 'expected', 'received (facts)', 'messages'],
      report.perKind.map((k) => [k.kind, k.expected, k.received, k.messages]),
    ),
    table(
      ['e-mail figure', 'value'],
      [
        ['messages received by the SMTP server', report.messages],
        ['duplicates: after the kill / cut by the outage', `${extra.kill} / ${extra.outage}`],
        [
          'SMTP server down from journey … to …, for',
          `${log.smtpDownAt} to ${log.smtpUpAt}, ${log.smtpDownSeconds.toFixed(1)} s`,
        ],
        ['e-mails sent after a failed try', retried],
        [
          'outbox drained after the run settled (bound)',
          `${drained.seconds.toFixed(1)} s (${bound.toFixed(0)} s)`,
        ],
        ['outbox rows dropped, by kind: reason', listed(report.dropped)],
        ['outbox rows failed', report.failed.length],
        ['outbox rows not yet due (never tried)', listed(drained.left.notYetDue)],
      ],
    ),
  ];
  return { checks, figures };
}

/** When a duplicate's copies came, against the disruptions: what a failed check needs to say. */
function whenOf(d: Duplicate, log: DisruptionLog): string {
  const since = (at: number | null, what: string) =>
    at === null ? [] : [`${((d.firstReceivedMs - at) / 1000).toFixed(1)} s after ${what}`];
  const first = [
    ...since(log.replicaKilledAtMs, 'the kill'),
    ...since(log.smtpDownAtMs, 'SMTP went down'),
    ...since(log.postgresRestartedAtMs, 'PostgreSQL restarted'),
  ].join(', ');
  return `(first ${first}; again ${((d.secondReceivedMs - d.firstReceivedMs) / 1000).toFixed(1)} s later)`;
}

function sample(items: string[]): string {
  return items.length === 0 ? '' : ` (e.g. ${items.slice(0, 3).join('; ')})`;
}

// E-mail throughput: the API's sender (sendAllDueMail, the round each replica runs, until the outbox is empty,
// over the real SMTP transport, rendering in the job's worker thread) beside a bare nodemailer loop sending the same rendered messages
// with the same pool (SMTP_CONNECTIONS) and the same concurrency (a batch of 50 at a time), both to
// one mail catcher in its own process, interleaved round after round. Returns the figures;
// mail-throughput.bench.ts prints them.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { claimDueMail, sql } from '@clinicpay/db';
import { renderMail, type MailMessage } from '@clinicpay/mail';
import nodemailer from 'nodemailer';
import { DEMO_SERVICES } from '../src/seed/demo-clinic.data.js';
import { composeMail, loadMailFacts } from '../src/services/mail/compose-mail.js';
import { createMailRenderPool } from '../src/services/mail/mail-render-pool.js';
import {
  MAIL_BATCH,
  sendAllDueMail,
  type RenderMessage,
} from '../src/services/mail/mail-sender.js';
import {
  createSmtpTransport,
  SMTP_CONNECTIONS,
  type MailTransport,
  type SmtpMail,
} from '../src/services/mail/smtp-transport.js';
import { createTestCaller, startTestApi, type TestApi } from '../src/testing.js';
import { openAllHours, plannedSlots } from './booking.js';

export interface MailRun {
  messages: number;
  seconds: number;
  perSecond: number;
  /** CPU time of this process (the sender's side; the catcher runs in its own) per message. */
  cpuMsPerMessage: number;
  /** CPU time of this process's main thread alone per message (the render worker's left out). */
  mainCpuMsPerMessage: number;
}

export interface MailThroughputResult {
  /** Messages per round (two per booking: the patient's confirmation, the clinic's notice). */
  messages: number;
  /** `inThread`: the API's sender rendering on its own thread (the render pool left out). */
  rounds: Array<{ api: MailRun; bare: MailRun; inThread: MailRun }>;
  /** The API's sender, rendering in-thread, with a transport that answers at once. */
  noSmtp: MailRun[];
  /** renderMail alone, one message after another, beside each run without SMTP (ms/message). */
  renderMs: number[];
  bytesPerMessage: number;
}

export async function measureMailThroughput(options: {
  bookings: number;
  rounds: number;
}): Promise<MailThroughputResult> {
  const catcher = await startCatcherProcess();
  const api = await startTestApi({ clock: { now: () => new Date() } });
  const transport = createSmtpTransport(catcher.smtpUrl);
  // As startMailSender renders: in a worker thread (its CPU counts: it is this process's).
  const renderPool = createMailRenderPool();
  const inWorker: RenderMessage = (message) => renderPool.render(message);
  const bare = nodemailer.createTransport({
    url: catcher.smtpUrl,
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
  });
  try {
    await bookPayAtClinic(api, options.bookings);
    const prepared = await prepareMessages(api);
    const messages = prepared.mails.length;

    /** `inThread` renders on the sender's own thread, as it did before the worker. */
    const runApi = async (
      through: MailTransport,
      check: boolean,
      inThread = false,
    ): Promise<MailRun> => {
      await requeue(api);
      await catcher.clear();
      const started = startClock();
      const report = await sendAllDueMail(api.runtime, through, {
        limit: MAIL_BATCH,
        render: inThread ? undefined : inWorker,
      });
      if (report.sent !== messages)
        throw new Error(`the sender did not send everything: ${JSON.stringify(report)}`);
      const run = runOf(report.sent, started);
      if (check) await expectCaught(catcher, messages);
      return run;
    };
    const runBare = async (): Promise<MailRun> => {
      // Fresh objects each round, as the sender makes them (nodemailer keeps work on those it sent).
      const mails = structuredClone(prepared.mails);
      await catcher.clear();
      const started = startClock();
      for (let i = 0; i < messages; i += MAIL_BATCH) {
        await Promise.all(mails.slice(i, i + MAIL_BATCH).map((m) => bare.sendMail(m)));
      }
      const run = runOf(messages, started);
      await expectCaught(catcher, messages);
      return run;
    };

    // Warm-up: connections open, code paths compiled, plans cached.
    await runApi(transport, true);
    await runApi(transport, true, true);
    await runBare();
    const rounds: MailThroughputResult['rounds'] = [];
    for (let r = 0; r < options.rounds; r++) {
      // Alternate which goes first, so neither always follows the other's leftovers.
      if (r % 2 === 0) {
        const apiRun = await runApi(transport, true);
        const bareRun = await runBare();
        rounds.push({ api: apiRun, bare: bareRun, inThread: await runApi(transport, true, true) });
      } else {
        const inThread = await runApi(transport, true, true);
        const bareRun = await runBare();
        rounds.push({ api: await runApi(transport, true), bare: bareRun, inThread });
      }
    }
    const instant: MailTransport = {
      send: () => Promise.resolve({ response: '250 OK' }),
      close() {},
    };
    // Each run without SMTP beside a pass of renderMail alone, so both see the same machine; the
    // sender renders in its own thread here, so its time splits into render and the rest.
    const noSmtp: MailRun[] = [];
    const renderMs: number[] = [];
    for (let r = 0; r < options.rounds; r++) {
      noSmtp.push(await runApi(instant, false, true));
      const renderStarted = performance.now();
      for (const message of prepared.composed) await renderMail(message);
      renderMs.push((performance.now() - renderStarted) / prepared.composed.length);
    }
    return { messages, rounds, noSmtp, renderMs, bytesPerMessage: prepared.bytes / messages };
  } finally {
    transport.close();
    await renderPool.close();
    bare.close();
    await api.stop();
    catcher.stop();
  }
}

const startClock = () => ({
  wall: performance.now(),
  cpu: process.cpuUsage(),
  main: mainThreadCpuMs(),
});

/** The main thread's user and system time so far, from Linux's per-thread counters (10 ms ticks). */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const [utime, stime] = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .slice(11, 13);
    return (Number(utime) + Number(stime)) * 10;
  } catch {
    return NaN;
  }
}

function runOf(messages: number, started: ReturnType<typeof startClock>): MailRun {
  const seconds = (performance.now() - started.wall) / 1000;
  const cpu = process.cpuUsage(started.cpu);
  const cpuMsPerMessage = (cpu.user + cpu.system) / 1000 / messages;
  const mainCpuMsPerMessage = (mainThreadCpuMs() - started.main) / messages;
  return { messages, seconds, perSecond: messages / seconds, cpuMsPerMessage, mainCpuMsPerMessage };
}

/** Pay-at-clinic bookings through booking.create: each is confirmed at once and queues its mail. */
async function bookPayAtClinic(api: TestApi, bookings: number): Promise<void> {
  await openAllHours(api.db);
  const caller = createTestCaller(api.runtime);
  const slots = plannedSlots(bookings, 0);
  for (const [i, slot] of slots.entries()) {
    await caller.booking.create({
      serviceId: DEMO_SERVICES[0].id,
      doctorId: slot.doctorId,
      startsAt: slot.startsAt,
      patient: { name: `Bench Patient ${i}`, email: `bench${i}@example.com`, phone: '+1 555 0100' },
      paymentMethod: 'pay_at_clinic',
    });
  }
  // Reminders fall due a day before each time, some of them during the run: not what is measured.
  await api.db.deleteFrom('mail_outbox').where('kind', '=', 'appointment_reminder').execute();
}

/** Every message, to be sent again: the same rows, a fresh claim. */
async function requeue(api: TestApi): Promise<void> {
  await sql`
    UPDATE mail_outbox SET status = 'pending', attempts = 0, message_id = NULL, claimed_until = NULL,
      sent_at = NULL, smtp_response = NULL, last_error = NULL`.execute(api.db);
}

/** The messages the sender would send, composed and rendered as it does, for the bare loop. */
async function prepareMessages(api: TestApi) {
  await requeue(api);
  // A claim, as the sender makes it (it fixes the Message-ID).
  const claimed = await claimDueMail(api.db, {
    now: new Date(),
    limit: 1_000_000,
    leaseMs: 60_000,
    messageIdDomain: 'bench.example',
  });
  const facts = await loadMailFacts(api.db, claimed);
  const composed: MailMessage[] = [];
  const mails: SmtpMail[] = [];
  let bytes = 0;
  for (const row of claimed) {
    const message = await composeMail(api.runtime, row, facts);
    if (!message.send) throw new Error(`${row.fact_key} would not be sent: ${message.reason}`);
    const rendered = await renderMail(message.message);
    composed.push(message.message);
    bytes += rendered.html.length + rendered.text.length;
    mails.push({
      from: { name: 'Riverside Family Clinic', address: 'bookings@bench.example' },
      to: message.to,
      replyTo: message.message.clinic.email || undefined,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      attachments: rendered.attachments,
      messageId: row.message_id!,
      headers: { 'X-Clinicpay-Fact': row.fact_key },
    });
  }
  return { mails, composed, bytes };
}

interface CatcherProcess {
  smtpUrl: string;
  clear(): Promise<void>;
  count(): Promise<{ messages: number; facts: number }>;
  stop(): void;
}

async function startCatcherProcess(): Promise<CatcherProcess> {
  const child = fork(new URL('./mail-catcher.server.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
  });
  // Answers come back in the order the commands went.
  const waiting: Array<{ resolve(m: unknown): void; reject(e: Error): void }> = [];
  child.on('message', (m) => waiting.shift()?.resolve(m));
  child.once('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`the mail catcher exited with ${code}`));
  });
  const answer = <T>(command?: string) =>
    new Promise<T>((resolve, reject) => {
      waiting.push({ resolve: (m) => resolve(m as T), reject });
      if (command) child.send(command);
    });
  const { smtpUrl } = await answer<{ smtpUrl: string }>();
  return {
    smtpUrl,
    clear: async () => void (await answer('clear')),
    count: () => answer<{ messages: number; facts: number }>('count'),
    stop: () => child.disconnect(),
  };
}

/** A run counts only if the server holds every message, once. */
async function expectCaught(catcher: CatcherProcess, messages: number): Promise<void> {
  const caught = await catcher.count();
  if (caught.messages !== messages || caught.facts !== messages)
    throw new Error(
      `the catcher holds ${caught.messages} messages of ${caught.facts} facts, not ${messages}`,
    );
}

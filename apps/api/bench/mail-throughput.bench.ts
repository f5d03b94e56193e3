// E-mail sent per second by the API's sender beside a bare nodemailer loop with the same pool and
// concurrency, to the same SMTP server (mail-throughput.ts). Not a test: prints figures.
// `pnpm --filter @clinicpay/api bench`; BENCH_MAIL_BOOKINGS resizes (two messages per booking).
import { fmt, median } from '@clinicpay/testing';
import type { MailRun } from './mail-throughput.js';

// React picks its build when first loaded: the production one, as the API runs (NODE_ENV=production;
// the development build renders a message about 1.5 times slower).
process.env.NODE_ENV = 'production';
const { measureMailThroughput } = await import('./mail-throughput.js');
const { MAIL_BATCH } = await import('../src/services/mail/mail-sender.js');
const { SMTP_CONNECTIONS } = await import('../src/services/mail/smtp-transport.js');

const BOOKINGS = Number(process.env.BENCH_MAIL_BOOKINGS ?? 500);
const ROUNDS = 5;
const TARGET = 0.7;

const result = await measureMailThroughput({ bookings: BOOKINGS, rounds: ROUNDS });
const medianOf = (runs: MailRun[]) => ({
  perSecond: median(runs.map((r) => r.perSecond)),
  cpuMs: median(runs.map((r) => r.cpuMsPerMessage)),
  mainCpuMs: median(runs.map((r) => r.mainCpuMsPerMessage)),
});
const api = medianOf(result.rounds.map((r) => r.api));
const bare = medianOf(result.rounds.map((r) => r.bare));
const inThread = medianOf(result.rounds.map((r) => r.inThread));
const noSmtp = medianOf(result.noSmtp);
const ratio = api.perSecond / bare.perSecond;
console.log(
  `e-mail throughput, ${result.messages} messages (${fmt(result.bytesPerMessage / 1024)} KiB of HTML and text each) x ${ROUNDS} rounds, ${SMTP_CONNECTIONS} SMTP connections, batches of ${MAIL_BATCH} (medians)`,
);
console.log(
  `  API sender (sendAllDueMail):    ${fmt(api.perSecond, 0)} messages/s   CPU ${fmt(api.cpuMs, 2)} ms/message, main thread ${fmt(api.mainCpuMs, 2)}`,
);
console.log(
  `  the same, rendering in-thread:  ${fmt(inThread.perSecond, 0)} messages/s   CPU ${fmt(inThread.cpuMs, 2)} ms/message, main thread ${fmt(inThread.mainCpuMs, 2)}   ratio ${fmt(inThread.perSecond / bare.perSecond, 2)}`,
);
console.log(
  `  bare nodemailer loop:           ${fmt(bare.perSecond, 0)} messages/s   CPU ${fmt(bare.cpuMs, 2)} ms/message, main thread ${fmt(bare.mainCpuMs, 2)}`,
);
console.log(
  `  ratio: ${fmt(ratio, 2)}   (target >= ${TARGET}${ratio >= TARGET ? ', met' : ', missed'})`,
);
// Where a message's time goes in the sender, SMTP aside: rendering, and the rest (claims, the
// batch's queries, compose, recording), from the sender with a transport that answers at once.
const senderMs = 1000 / noSmtp.perSecond;
const renderMs = median(result.renderMs);
console.log(
  `  where the time goes, SMTP aside: ${fmt(senderMs, 2)} ms/message (${fmt(noSmtp.perSecond, 0)}/s with a transport that answers at once) = render ${fmt(renderMs, 2)} ms + database and compose ${fmt(senderMs - renderMs, 2)} ms`,
);

/**
 * Assembles the catcher: one store, the SMTP listener that fills it and the web server that shows
 * it. `startMailCatcher()` from tests (free ports), `scripts/dev.ts` for `npm start`.
 */
import type { AddressInfo } from 'node:net';
import type { CaughtMessage } from './caught-message';
import { quietLogger, type MailCatcherLogger } from './logger';
import { MessageStore } from './message-store';
import { SmtpListener, type RefusalRule } from './smtp-listener';
import { createWebServer } from './web/http-server';

export interface MailCatcherOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  smtpPort?: number;
  /** Default 0: any free port. */
  httpPort?: number;
  /** Default: warnings to the console, nothing else. */
  logger?: MailCatcherLogger;
  /** Messages kept before the oldest are dropped; default 5,000. */
  maxMessages?: number;
}

export interface MailCatcher {
  /** For nodemailer: `smtp://127.0.0.1:2525`. */
  smtpUrl: string;
  /** The web page: `http://127.0.0.1:1080`. */
  url: string;
  /** Oldest first. */
  messages(): CaughtMessage[];
  clear(): void;
  /** The first message, caught already or still to come, that matches; rejects after the timeout. */
  waitFor(
    predicate: (message: CaughtMessage) => boolean,
    timeoutMs?: number,
  ): Promise<CaughtMessage>;
  /** The SMTP server goes down: connections are refused (and open ones dropped) until resumed. */
  pauseSmtp(): Promise<void>;
  /** Listens again, on the same port. */
  resumeSmtp(): Promise<void>;
  /** While set, each RCPT TO the rule refuses gets its code; null accepts everyone again. */
  refuse(rule: RefusalRule | null): void;
  stop(): Promise<void>;
}

const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);

export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? quietLogger;
  const store = new MessageStore(options.maxMessages);
  let refusal: RefusalRule | null = null;
  const smtp = new SmtpListener(
    { host, store, logger, refusal: () => refusal },
    options.smtpPort ?? 0,
  );
  await smtp.listen();
  const smtpUrl = `smtp://${urlHost(host)}:${smtp.port}`;

  const web = createWebServer({ store, smtpUrl, logger });
  try {
    await new Promise<void>((resolve, reject) => {
      web.once('error', reject);
      web.listen(options.httpPort ?? 0, host, () => {
        web.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await smtp.close();
    throw error;
  }
  const url = `http://${urlHost(host)}:${(web.address() as AddressInfo).port}`;

  return {
    smtpUrl,
    url,
    messages: () => store.list(),
    clear: () => store.clear(),
    waitFor: (predicate, timeoutMs) => store.waitFor(predicate, timeoutMs),
    pauseSmtp: () => smtp.close(),
    resumeSmtp: () => smtp.listen(),
    refuse: (rule) => {
      refusal = rule;
    },
    stop: async () => {
      const webClosed = new Promise<void>((resolve) => web.close(() => resolve()));
      // Keep-alive connections (a browser tab, a test's fetch) would hold close() open.
      web.closeAllConnections();
      await Promise.all([smtp.close(), webClosed]);
    },
  };
}

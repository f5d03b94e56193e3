/**
 * The SMTP side: accepts any sender, no TLS, no required auth, and hands each message to the store.
 * It can be taken down and brought back on the same port, and told to refuse recipients.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerError, type SMTPServerOptions } from 'smtp-server';
import { readMessage } from './caught-message';
import type { MailCatcherLogger } from './logger';
import type { MessageStore } from './message-store';

export interface Refusal {
  /** An SMTP reply code: 5xx is permanent (550 no such user), 4xx transient (451 try later). */
  code: number;
  message: string;
}

export type RefusalRule = (envelope: { from: string; to: string }) => Refusal | null;

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

export interface SmtpListenerDeps {
  host: string;
  store: MessageStore;
  logger: MailCatcherLogger;
  refusal: () => RefusalRule | null;
}

export class SmtpListener {
  #server: SMTPServer | null = null;
  #port: number;

  constructor(
    private readonly deps: SmtpListenerDeps,
    port: number,
  ) {
    this.#port = port;
  }

  get port(): number {
    return this.#port;
  }

  /** Listens on the port given first (0 picks one), and on that same port ever after. */
  async listen(): Promise<void> {
    if (this.#server) return;
    const server = new SMTPServer(this.#options());
    server.on('error', (error) => this.deps.logger.warn(`[mail-catcher] SMTP: ${error.message}`));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.#port, this.deps.host, () => {
        server.server.off('error', reject);
        resolve();
      });
    });
    this.#port = (server.server.address() as AddressInfo).port;
    this.#server = server;
  }

  /** Stops listening and drops open connections at once, as a crashed mail server would. */
  async close(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = null;
    await new Promise<void>((resolve) => server.close(resolve));
  }

  #options(): SMTPServerOptions {
    return {
      authOptional: true,
      // Any credentials pass, so an SMTP_URL with a user and password works here too.
      allowInsecureAuth: true,
      onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anyone' }),
      // Without STARTTLS on offer, nodemailer talks plain SMTP to localhost.
      disabledCommands: ['STARTTLS'],
      size: MAX_MESSAGE_BYTES,
      rejectOversized: true,
      // smtp-server waits 30 s for open connections on close; a test of "the server went down"
      // wants them gone now (they get a 421).
      closeTimeout: 1,
      logger: false,
      onRcptTo: (address, session, callback) => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const refusal = this.deps.refusal()?.({ from, to: address.address });
        if (!refusal) return callback();
        const error: SMTPServerError = new Error(refusal.message);
        error.responseCode = refusal.code;
        callback(error);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => {
          // Past the limit the message is answered 552 anyway; do not hold what we will drop.
          if (!stream.sizeExceeded) chunks.push(chunk);
        });
        stream.on('end', () => {
          if (stream.sizeExceeded) return callback();
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          };
          const { store } = this.deps;
          readMessage(Buffer.concat(chunks), envelope, store.nextId(), new Date())
            .then((message) => {
              store.add(message);
              this.deps.logger.info(
                `[mail-catcher] "${message.subject}" to ${message.to.join(', ')}`,
              );
              callback();
            })
            .catch((error: unknown) => {
              this.deps.logger.warn(`[mail-catcher] could not read a message: ${String(error)}`);
              callback(error instanceof Error ? error : new Error(String(error)));
            });
        });
      },
    };
  }
}

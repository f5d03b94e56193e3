import type { MailMessage } from '@clinicpay/mail';
import type { AppDeps } from '../../deps.js';
import { repeatEvery } from '../../repeat-every.js';
import { createMailRenderPool } from './mail-render-pool.js';
import { sendAllDueMail } from './mail-sender.js';
import { createSmtpTransport, type MailTransport } from './smtp-transport.js';

/**
 * Each replica's sender: a round every interval, each sending everything due, batch after batch. A
 * failed round is logged and the next one tries again; rows claimed by a sender that died are
 * taken over when their lease runs out.
 */
export function startMailSender(
  deps: AppDeps,
  options: { intervalMs: number; transport?: MailTransport | null },
): { stop(): Promise<void> } {
  const { smtpUrl } = deps.config.mail;
  const transport = options.transport ?? (smtpUrl ? createSmtpTransport(smtpUrl) : null);
  if (!transport && deps.config.nodeEnv === 'production') {
    deps.logger.warn(
      'SMTP_URL is not set, so e-mail is off: confirmations, reminders and notices wait in the outbox (and lapse by their kind) until it is set',
    );
  }
  // Messages render in a worker thread, beside this one's SMTP and queries (none without SMTP).
  const renderPool = transport ? createMailRenderPool() : null;
  const render = renderPool ? (message: MailMessage) => renderPool.render(message) : undefined;
  const round = async () => void (await sendAllDueMail(deps, transport, { render }));
  const rounds = repeatEvery(options.intervalMs, round, (error) =>
    deps.logger.error({ err: error }, 'mail round failed'),
  );
  return {
    async stop() {
      await rounds.stop();
      transport?.close();
      await renderPool?.close();
    },
  };
}

// The SMTP server of mail-throughput.ts, run as its own process (as a mail server is): the mail
// catcher, so parsing what arrives does not share the sender's event loop. Sends its SMTP URL to
// the parent; answers 'count' (messages and distinct X-Clinicpay-Fact values) and 'clear'; exits
// when the parent goes.
import { startMailCatcher } from '@clinicpay/mail-catcher';

const catcher = await startMailCatcher({ maxMessages: 1_000_000 });
process.on('message', (command) => {
  if (command === 'clear') {
    catcher.clear();
    process.send?.({ cleared: true });
  } else if (command === 'count') {
    const messages = catcher.messages();
    const facts = new Set(messages.map((m) => m.headers['x-clinicpay-fact'] ?? m.messageId));
    process.send?.({ messages: messages.length, facts: facts.size });
  }
});
process.send?.({ smtpUrl: catcher.smtpUrl });
process.on('disconnect', () => {
  void catcher.stop().finally(() => process.exit(0));
});

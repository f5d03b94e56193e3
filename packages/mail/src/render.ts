import { render, toPlainText } from '@react-email/components';
import { calendarAttachments } from './calendar-attachment.js';
import type { MailMessage, RenderedMail } from './message.js';
import { templateFor } from './templates/index.js';

export interface RenderOptions {
  /** When the message is made: the `.ics` DTSTAMP. Tests pass a fixed one. */
  now?: Date;
}

/**
 * How the HTML becomes the text part: headings keep their case (html-to-text upper-cases them by
 * default), and a phone link shows the number once, not again as "tel:…".
 */
export const TEXT_OPTIONS = {
  selectors: [
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'a[href^="tel:"]', format: 'anchor', options: { ignoreHref: true } },
  ],
};

/** A message as the e-mail to send: subject, HTML and plain-text parts, and any calendar file. */
export async function renderMail(
  message: MailMessage,
  { now = new Date() }: RenderOptions = {},
): Promise<RenderedMail> {
  const { subject, element } = templateFor(message);
  const html = await render(element);
  // What render(element, { plainText: true }) does, without rendering the tree a second time:
  // that halves the time per message (about 2.6 ms instead of 5.4 ms).
  const text = toPlainText(html, TEXT_OPTIONS);
  return { subject, html, text, attachments: calendarAttachments(message, now) };
}

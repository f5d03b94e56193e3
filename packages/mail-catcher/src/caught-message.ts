/** What the catcher keeps of one e-mail, and how it is read from the SMTP conversation. */
import { simpleParser } from 'mailparser';

export interface CaughtAttachment {
  filename: string;
  contentType: string;
  size: number;
  /** The decoded bytes, base64-encoded so the whole message travels as JSON. */
  content: string;
}

export interface CaughtMessage {
  /** Ours: sequential from 1, never reused after `clear()`, so old links do not show new mail. */
  id: string;
  /** The Message-ID header as sent, with its angle brackets; '' when the message had none. */
  messageId: string;
  /** The From header as text, e.g. `"Clinicpay demo" <bookings@clinicpay.localhost>`. */
  from: string;
  /** The envelope recipients (RCPT TO) that were accepted, Bcc included. */
  to: string[];
  subject: string;
  /** The Date header as ISO 8601, or null when missing or unreadable. */
  date: string | null;
  receivedAt: string;
  /** Lower-cased names; raw values, unfolded; a repeated header's values joined by a line break. */
  headers: Record<string, string>;
  text: string;
  html: string | null;
  attachments: CaughtAttachment[];
  raw: string;
}

export interface Envelope {
  from: string;
  to: string[];
}

export async function readMessage(
  raw: Buffer,
  envelope: Envelope,
  id: string,
  receivedAt: Date,
): Promise<CaughtMessage> {
  const parsed = await simpleParser(raw);
  const headers = headerRecord(parsed.headerLines);
  const from = parsed.from?.text || envelope.from;
  return {
    id,
    messageId: headers['message-id'] ?? '',
    from,
    to: envelope.to,
    subject: parsed.subject ?? '',
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null,
    receivedAt: receivedAt.toISOString(),
    headers,
    text: parsed.text ?? '',
    html: parsed.html || null,
    attachments: parsed.attachments.map((attachment, index) => ({
      filename: attachment.filename ?? `attachment-${index + 1}`,
      contentType: attachment.contentType,
      size: attachment.size,
      content: attachment.content.toString('base64'),
    })),
    raw: raw.toString('utf8'),
  };
}

function headerRecord(lines: readonly { key: string; line: string }[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of lines) {
    const value = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n(?=[ \t])/g, '')
      .trim();
    headers[key] = key in headers ? `${headers[key]}\n${value}` : value;
  }
  return headers;
}

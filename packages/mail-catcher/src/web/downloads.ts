/** A message's raw source and its attachments, as files. */
import type { ServerResponse } from 'node:http';
import type { CaughtAttachment, CaughtMessage } from '../caught-message';
import { sendMessageBytes } from './respond';

export function sendRaw(res: ServerResponse, message: CaughtMessage): void {
  sendMessageBytes(res, message.raw, { 'Content-Type': 'text/plain; charset=utf-8' });
}

export function sendAttachment(res: ServerResponse, attachment: CaughtAttachment): void {
  sendMessageBytes(res, Buffer.from(attachment.content, 'base64'), {
    'Content-Type': safeContentType(attachment.contentType),
    'Content-Disposition': contentDisposition(attachment.filename),
  });
}

// The type comes from the message; anything but a plain `type/subtype` would corrupt the header.
const safeContentType = (type: string): string =>
  /^[\w.+-]+\/[\w.+-]+$/.test(type) ? type : 'application/octet-stream';

/** RFC 6266: an ASCII fallback name, and the real one percent-encoded in `filename*`. */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}

const encodeRfc5987 = (value: string): string =>
  encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

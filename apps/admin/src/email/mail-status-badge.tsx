import type { MailLogStatus } from '@clinicpay/contracts';
import { Badge } from '@clinicpay/ui';
import { MAIL_STATUS_LABELS, MAIL_STATUS_TONES } from './mail-labels.js';

/** Sent (green), Failed (red: Resend), Pending or Sending (on its way), Dropped (slate). */
export function MailStatusBadge({ status }: { status: MailLogStatus }) {
  return <Badge tone={MAIL_STATUS_TONES[status]}>{MAIL_STATUS_LABELS[status]}</Badge>;
}

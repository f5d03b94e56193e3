import type { AppointmentStatusName, PaymentStatusName } from '@clinicpay/contracts';
import { Badge } from '@clinicpay/ui';
import {
  APPOINTMENT_STATUS_TONES,
  appointmentStatusLabel,
  disputeStatusLabel,
  PAYMENT_STATUS_TONES,
  paymentStatusLabel,
} from '../format/status-labels.js';

/** A payment's status, plus "Disputed" while the card holder disputes the charge. */
export function PaymentStatusBadge({
  status,
  disputeStatus,
}: {
  status: string;
  disputeStatus?: string | null;
}) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={PAYMENT_STATUS_TONES[status as PaymentStatusName] ?? 'slate'}>
        {paymentStatusLabel(status)}
      </Badge>
      {disputeStatus ? (
        <Badge tone="red">
          Disputed<span className="sr-only"> ({disputeStatusLabel(disputeStatus)})</span>
        </Badge>
      ) : null}
    </span>
  );
}

export function AppointmentStatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={APPOINTMENT_STATUS_TONES[status as AppointmentStatusName] ?? 'slate'}>
      {appointmentStatusLabel(status)}
    </Badge>
  );
}

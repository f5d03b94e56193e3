import { formatMoney } from '@clinicpay/contracts';
import { Badge, type BadgeTone } from '@clinicpay/ui';
import { formatDateTime } from '../format/clinic-time.js';
import type { Transaction } from './transaction-details.js';

const TONES: Record<string, BadgeTone> = {
  succeeded: 'green',
  pending: 'amber',
  requires_action: 'amber',
  failed: 'red',
  canceled: 'slate',
};
const LABELS: Record<string, string> = {
  succeeded: 'Succeeded',
  pending: 'Pending',
  requires_action: 'Needs action',
  failed: 'Failed',
  canceled: 'Canceled',
};

/** The refunds made so far (here or in Stripe's Dashboard), newest last, with Stripe's verdict. */
export function RefundsList({
  refunds,
  timeZone,
}: {
  refunds: Transaction['refunds'];
  timeZone: string;
}) {
  return (
    <ul className="grid gap-3 text-sm">
      {refunds.map((refund) => (
        <li key={refund.id} className="grid gap-0.5">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-semibold tabular-nums">
              {formatMoney({ amount: refund.amount, currency: refund.currency })}
            </span>
            <Badge tone={TONES[refund.status] ?? 'slate'}>
              {LABELS[refund.status] ?? refund.status}
            </Badge>
          </p>
          <p className="text-slate-600">
            {formatDateTime(refund.createdAt, timeZone)} ·{' '}
            {refund.requestedBy.replace(/^admin:/, '')}
            {refund.reason ? ` · ${refund.reason}` : ''}
          </p>
          {refund.failureReason ? <p className="text-red-800">{refund.failureReason}</p> : null}
          {refund.stripeRefundId ? (
            <p className="font-mono text-xs text-slate-600">{refund.stripeRefundId}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

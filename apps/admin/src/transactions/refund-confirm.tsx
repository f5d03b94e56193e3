import { Button, BusyButton } from '@clinicpay/ui';
import { useEffect, useRef } from 'react';

export interface RefundConfirmProps {
  amount: string;
  of: string;
  patient: string;
  reason: string | undefined;
  isBusy: boolean;
  onConfirm: () => void;
  onBack: () => void;
}

/** Step two: the refund in one sentence, confirmed or taken back. Focus lands on the question. */
export function RefundConfirm({
  amount,
  of,
  patient,
  reason,
  isBusy,
  onConfirm,
  onBack,
}: RefundConfirmProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div
      role="group"
      aria-labelledby="refund-confirm-heading"
      className="grid gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4"
    >
      <h4
        id="refund-confirm-heading"
        ref={heading}
        tabIndex={-1}
        className="font-semibold text-amber-950 outline-none"
      >
        Refund {amount} of {of} to {patient}'s card?
      </h4>
      <p className="text-sm text-amber-950">
        Stripe sends the money back to the card. A refund cannot be undone.
        {reason ? ` Reason: ${reason}` : ''}
      </p>
      <div className="flex flex-wrap gap-3">
        <BusyButton isBusy={isBusy} busyLabel="Refunding…" onPress={onConfirm}>
          Refund {amount}
        </BusyButton>
        <Button variant="secondary" onPress={onBack} isDisabled={isBusy}>
          Back
        </Button>
      </div>
    </div>
  );
}

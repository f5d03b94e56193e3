import { Button, BusyButton, Dialog } from '@clinicpay/ui';
import { appCodeOf, messageOf } from '../api-errors.js';
import { formatPrice } from '../format-price.js';
import { trpc, type BookingStatus } from '../trpc.js';

type CancelRule = Extract<NonNullable<BookingStatus['actions']>['cancel'], { allowed: true }>;

/** What goes back, in money, before the patient confirms: "You will be refunded $30.00 of $60.00." */
export function refundStatement(refund: CancelRule['refund']): string {
  if (!refund) return 'Nothing has been paid online, so there is nothing to refund.';
  const paid = formatPrice({ amount: refund.paid, currency: refund.currency });
  if (refund.amount === 0) return `No refund is due under the clinic's policy (you paid ${paid}).`;
  return `You will be refunded ${formatPrice({ amount: refund.amount, currency: refund.currency })} of ${paid}.`;
}

/**
 * The cancel, confirmed in a dialog that states the refund first. The amount shown travels with
 * the request: if time has crossed into another refund tier since, the API refuses with the new
 * amount, the page reads the booking again and the dialog shows it.
 */
export function CancelDialog({
  booking,
  token,
  rule,
  sentence,
  isOpen,
  onClose,
  onCancelled,
}: {
  booking: BookingStatus;
  token: string;
  rule: CancelRule;
  sentence: string;
  isOpen: boolean;
  onClose: () => void;
  onCancelled: () => void;
}) {
  const utils = trpc.useUtils();
  const cancel = trpc.booking.cancel.useMutation({
    onSuccess: () => {
      onCancelled();
      onClose();
    },
    onError: (error) => {
      if (appCodeOf(error) === 'refund_changed')
        void utils.booking.status.invalidate({ reference: booking.reference });
    },
  });
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title="Cancel this appointment?"
      role="alertdialog"
      isDismissable={!cancel.isPending}
    >
      <div className="grid gap-3 text-sm text-slate-800">
        <p className="text-base font-semibold text-slate-900" data-testid="refund-statement">
          {refundStatement(rule.refund)}
        </p>
        <p>
          The clinic&apos;s policy when you booked applies, even if it has changed since: {sentence}
        </p>
        <p>The time will be released for other patients. This cannot be undone.</p>
        {cancel.error ? (
          <p role="alert" className="font-medium text-red-900">
            {messageOf(cancel.error)}
          </p>
        ) : null}
      </div>
      <div className="mt-5 flex flex-wrap justify-end gap-3">
        <Button variant="secondary" onPress={onClose} isDisabled={cancel.isPending}>
          Keep appointment
        </Button>
        <BusyButton
          isBusy={cancel.isPending}
          busyLabel="Cancelling…"
          onPress={() =>
            cancel.mutate({
              reference: booking.reference,
              token,
              expectedRefund: rule.refund?.amount ?? 0,
            })
          }
        >
          Yes, cancel it
        </BusyButton>
      </div>
    </Dialog>
  );
}

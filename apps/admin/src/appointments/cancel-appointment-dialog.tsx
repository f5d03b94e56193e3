import { formatMoney } from '@clinicpay/contracts';
import { Button, BusyButton, Dialog, Notice, Radio, RadioGroup, TextArea } from '@clinicpay/ui';
import { useState, type FormEvent } from 'react';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { trpc } from '../trpc.js';
import type { Appointment } from './appointment-details.js';

export interface CancelAppointmentDialogProps {
  appointment: Appointment;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onCancelled: (next: Appointment, refunded: boolean) => void;
}

/** A card payment that took money (and so can be refunded or kept). */
function paidByCard(appointment: Appointment) {
  const latest = appointment.payments[0];
  return latest &&
    latest.gateway === 'stripe' &&
    (latest.status === 'completed' || latest.status === 'partially_refunded')
    ? latest
    : null;
}

/**
 * Cancelling asks what happens to the money: refunded to the card, or kept, which needs a reason
 * (it goes on the payment's timeline). Nothing paid: only an optional reason.
 */
export function CancelAppointmentDialog({
  appointment,
  isOpen,
  onOpenChange,
  onCancelled,
}: CancelAppointmentDialogProps) {
  const paid = paidByCard(appointment);
  const [refund, setRefund] = useState<'refund' | 'keep'>('refund');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ field: 'reason' | null; message: string } | null>(null);
  const cancel = trpc.admin.appointments.cancel.useMutation();
  const keep = Boolean(paid) && refund === 'keep';
  const left = paid
    ? formatMoney({
        amount: paid.amount.amount - paid.amountRefunded,
        currency: paid.amount.currency,
      })
    : '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (cancel.isPending) return;
    if (keep && !reason.trim())
      return setProblem({
        field: 'reason',
        message: 'Give a reason for keeping the payment, or cancel with a refund.',
      });
    setProblem(null);
    try {
      const result = await cancel.mutateAsync({
        appointmentId: appointment.id,
        refund: Boolean(paid) && !keep,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      onCancelled(result.appointment, Boolean(result.refund));
    } catch (error) {
      if (!isUnauthorized(error)) setProblem({ field: null, message: messageOf(error) });
    }
  };

  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title="Cancel this appointment?"
      role="alertdialog"
      isDismissable={!cancel.isPending}
    >
      <form noValidate onSubmit={(event) => void submit(event)} className="grid gap-4">
        <p className="text-sm text-slate-700">
          {appointment.patient.name}'s {appointment.serviceName} is cancelled and the time is freed
          for others.
        </p>
        {problem && !problem.field ? (
          <Notice tone="error" role="alert">
            {problem.message}
          </Notice>
        ) : null}
        {paid ? (
          <RadioGroup
            label="The card payment"
            value={refund}
            onChange={(value) => setRefund(value as 'refund' | 'keep')}
          >
            <Radio value="refund" description="Stripe sends the money back to the card.">
              Refund {left}
            </Radio>
            <Radio value="keep" description="For example a late cancellation fee. Needs a reason.">
              Keep the payment
            </Radio>
          </RadioGroup>
        ) : null}
        <TextArea
          label={keep ? 'Reason for keeping the payment' : 'Reason (optional)'}
          description="Kept on the appointment's timeline."
          value={reason}
          onChange={setReason}
          isRequired={keep}
          errorMessage={problem?.field === 'reason' ? problem.message : undefined}
        />
        <div className="flex flex-wrap justify-end gap-3">
          <Button
            variant="secondary"
            autoFocus
            onPress={() => onOpenChange(false)}
            isDisabled={cancel.isPending}
          >
            Keep the appointment
          </Button>
          <BusyButton type="submit" isBusy={cancel.isPending} busyLabel="Cancelling…">
            {paid && !keep ? `Cancel and refund ${left}` : 'Cancel the appointment'}
          </BusyButton>
        </div>
      </form>
    </Dialog>
  );
}

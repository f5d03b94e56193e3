import { CancelAppointmentInput, formatMoney } from '@clinicpay/contracts';
import { Button, BusyButton, Dialog, Radio } from '@clinicpay/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { FormRadioGroup, FormTextArea } from '../components/form-fields.js';
import { FormProblem } from '../components/form-problem.js';
import { trpc } from '../trpc.js';
import type { Appointment } from './appointment-details.js';
import { useCan } from '../session/use-can.js';

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

/** The API's rule for the reason; keeping a card payment needs one. */
function cancelSchema(paid: boolean) {
  return z
    .object({
      refund: CancelAppointmentInput.shape.refund,
      reason: CancelAppointmentInput.shape.reason.unwrap(),
    })
    .refine((v) => !paid || v.refund !== 'none' || v.reason !== '', {
      message: 'Give a reason for keeping the payment, or cancel with a refund.',
      path: ['reason'],
    });
}

/**
 * Cancelling asks what happens to the money: what the booking's cancellation policy gives back,
 * all of it, or kept, which needs a reason (it goes on the payment's timeline). The front desk
 * cancels with the policy's refund only. Nothing paid: only an optional reason.
 */
export function CancelAppointmentDialog({
  appointment,
  isOpen,
  onOpenChange,
  onCancelled,
}: CancelAppointmentDialogProps) {
  const paid = paidByCard(appointment);
  const isPaid = Boolean(paid);
  // The front desk cancels with the policy's refund; any other choice is a Manager's or Owner's.
  const mayRefund = useCan()('refunds.issue');
  const policy = appointment.policyRefund;
  const schema = useMemo(() => cancelSchema(isPaid), [isPaid]);
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { refund: 'policy', reason: '' },
  });
  const [problem, setProblem] = useState<string | null>(null);
  const cancel = trpc.admin.appointments.cancel.useMutation();
  const choice = useWatch({ control: form.control, name: 'refund' });
  const keep = choice === 'none' && isPaid;
  const money = (amount: number) =>
    paid ? formatMoney({ amount, currency: paid.amount.currency }) : '';
  const left = paid ? money(paid.amount.amount - paid.amountRefunded) : '';
  const byPolicy = policy ? money(policy.amount) : '';
  const refundLabel =
    choice === 'full' ? left : choice === 'policy' && policy && policy.amount > 0 ? byPolicy : null;

  const submit = form.handleSubmit(async ({ refund, reason }) => {
    if (cancel.isPending) return;
    try {
      const result = await cancel.mutateAsync({
        appointmentId: appointment.id,
        refund,
        ...(reason ? { reason } : {}),
      });
      onCancelled(result.appointment, Boolean(result.refund));
    } catch (error) {
      if (!isUnauthorized(error)) setProblem(messageOf(error));
    }
  });

  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title="Cancel this appointment?"
      role="alertdialog"
      isDismissable={!cancel.isPending}
    >
      <form
        noValidate
        onSubmit={(event) => {
          // Each attempt starts clean: the reason's own check or the API's answer say what is left.
          setProblem(null);
          void submit(event);
        }}
        className="grid gap-4"
      >
        <p className="text-sm text-slate-700">
          {appointment.patient.name}'s {appointment.serviceName} is cancelled and the time is freed
          for others.
        </p>
        <FormProblem problem={problem} />
        {paid && !mayRefund ? (
          <p className="text-sm text-slate-700">
            {policy && policy.amount > 0
              ? `Under the booking's cancellation policy, ${byPolicy} (${policy.percent}%) goes back to the card.`
              : "Under the booking's cancellation policy, no refund is due now; the payment is kept."}
          </p>
        ) : null}
        {paid && mayRefund ? (
          <FormRadioGroup control={form.control} name="refund" label="The card payment">
            <Radio
              value="policy"
              description="What the patient would get by cancelling now; Stripe sends it back to the card."
            >
              {policy && policy.amount > 0
                ? `Refund by the policy: ${byPolicy} (${policy.percent}%)`
                : 'By the policy: no refund is due now'}
            </Radio>
            <Radio value="full" description="Stripe sends all of it back to the card.">
              Refund all {left}
            </Radio>
            <Radio value="none" description="For example a late cancellation fee. Needs a reason.">
              Keep the payment
            </Radio>
          </FormRadioGroup>
        ) : null}
        <FormTextArea
          control={form.control}
          name="reason"
          label={keep ? 'Reason for keeping the payment' : 'Reason (optional)'}
          description="Kept on the appointment's timeline."
          isRequired={keep}
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
            {paid && refundLabel ? `Cancel and refund ${refundLabel}` : 'Cancel the appointment'}
          </BusyButton>
        </div>
      </form>
    </Dialog>
  );
}

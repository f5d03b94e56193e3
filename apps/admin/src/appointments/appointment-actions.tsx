import { Button } from '@clinicpay/ui';
import { useState } from 'react';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { notify } from '../toasts.js';
import { trpc } from '../trpc.js';
import type { Appointment } from './appointment-details.js';
import { CancelAppointmentDialog } from './cancel-appointment-dialog.js';
import { MoveAppointmentDialog } from './move-appointment-dialog.js';
import { useTimeZone } from '../components/use-clinic.js';

type Open = null | 'cancel' | 'paid' | 'noShow' | 'move';

/**
 * Only the actions the API says apply now (its `actions`), each confirmed before it runs: cancel
 * (with or without a refund), mark paid at the clinic, mark a no-show.
 */
export function AppointmentActions({
  appointment,
  onDone,
}: {
  appointment: Appointment;
  onDone: () => void;
}) {
  const utils = trpc.useUtils();
  const [open, setOpen] = useState<Open>(null);
  const refresh = (next: Appointment) => {
    utils.admin.appointments.get.setData({ appointmentId: appointment.id }, next);
    // After the dialog has handed focus back (to a button that may now be gone).
    setTimeout(onDone, 0);
    void utils.admin.appointments.list.invalidate();
    void utils.admin.transactions.invalidate();
  };
  const failed = (what: string) => (error: unknown) => {
    if (!isUnauthorized(error))
      notify({ title: `${what} failed.`, description: messageOf(error), tone: 'error' });
  };
  const markPaid = trpc.admin.appointments.markPaidAtClinic.useMutation({
    onSuccess: (next) => {
      refresh(next);
      notify({
        title: 'Marked paid at clinic',
        description: `${appointment.patient.name} · ${appointment.reference}`,
        tone: 'success',
      });
    },
    onError: failed('Marking it paid'),
  });
  const markNoShow = trpc.admin.appointments.markNoShow.useMutation({
    onSuccess: (next) => {
      refresh(next);
      notify({
        title: 'Marked as a no-show',
        description: `${appointment.patient.name} · ${appointment.reference}`,
        tone: 'success',
      });
    },
    onError: failed('Marking the no-show'),
  });
  const { actions } = appointment;
  const timeZone = useTimeZone();

  if (!actions.cancel && !actions.markPaidAtClinic && !actions.markNoShow && !actions.move) {
    return (
      <p className="text-sm text-slate-600">
        Nothing to do: this appointment is {appointment.status.replace(/_/g, ' ')}.
      </p>
    );
  }
  return (
    <div className="flex flex-wrap gap-3">
      {actions.markPaidAtClinic ? (
        <Button onPress={() => setOpen('paid')} isDisabled={markPaid.isPending}>
          Mark paid at clinic
        </Button>
      ) : null}
      {actions.markNoShow ? (
        <Button
          variant="secondary"
          onPress={() => setOpen('noShow')}
          isDisabled={markNoShow.isPending}
        >
          Mark as no-show
        </Button>
      ) : null}
      {actions.move ? (
        <Button variant="secondary" onPress={() => setOpen('move')}>
          Move
        </Button>
      ) : null}
      {actions.cancel ? (
        <Button variant="secondary" onPress={() => setOpen('cancel')}>
          Cancel appointment
        </Button>
      ) : null}
      <ConfirmDialog
        isOpen={open === 'paid'}
        onOpenChange={(o) => setOpen(o ? 'paid' : null)}
        title="Mark as paid at the clinic?"
        confirmLabel="Mark paid at clinic"
        cancelLabel="Not yet"
        onConfirm={() => {
          setOpen(null);
          markPaid.mutate({ appointmentId: appointment.id });
        }}
      >
        Only once the patient has paid at the front desk. The payment then counts as received.
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={open === 'noShow'}
        onOpenChange={(o) => setOpen(o ? 'noShow' : null)}
        title="Mark as a no-show?"
        confirmLabel="Mark as no-show"
        onConfirm={() => {
          setOpen(null);
          markNoShow.mutate({ appointmentId: appointment.id });
        }}
      >
        {appointment.patient.name} did not come to this appointment. This cannot be undone here.
      </ConfirmDialog>
      {actions.move ? (
        <MoveAppointmentDialog
          appointment={appointment}
          timeZone={timeZone}
          isOpen={open === 'move'}
          onOpenChange={(o) => setOpen(o ? 'move' : null)}
          onMoved={(next) => {
            refresh(next);
            setOpen(null);
            notify({
              title: 'Appointment moved',
              description: `${appointment.patient.name} · ${appointment.reference}`,
              tone: 'success',
            });
          }}
        />
      ) : null}
      {actions.cancel ? (
        <CancelAppointmentDialog
          appointment={appointment}
          isOpen={open === 'cancel'}
          onOpenChange={(o) => setOpen(o ? 'cancel' : null)}
          onCancelled={(next, refunded) => {
            refresh(next);
            setOpen(null);
            notify({
              title: refunded ? 'Appointment cancelled and refunded' : 'Appointment cancelled',
              description: `${appointment.patient.name} · ${appointment.reference}`,
              tone: 'success',
            });
          }}
        />
      ) : null}
    </div>
  );
}

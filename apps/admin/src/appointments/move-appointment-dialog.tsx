import { MoveAppointmentInput, toLocal } from '@clinicpay/contracts';
import { Button, BusyButton, Dialog, NativeDateField, TextArea, cx } from '@clinicpay/ui';
import { useState } from 'react';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { FormProblem } from '../components/form-problem.js';
import { formatLocalDay, formatTime } from '../format/clinic-time.js';
import { trpc } from '../trpc.js';
import type { Appointment } from './appointment-details.js';

/**
 * The clinic moves a confirmed appointment to another free time of the same service (this doctor
 * or any), without the patient's policy limits, always with a reason for the timeline.
 */
export function MoveAppointmentDialog({
  appointment,
  timeZone,
  isOpen,
  onOpenChange,
  onMoved,
}: {
  appointment: Appointment;
  timeZone: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onMoved: (next: Appointment) => void;
}) {
  const [date, setDate] = useState(() => toLocal(new Date(appointment.startsAt), timeZone).date);
  const [anyDoctor, setAnyDoctor] = useState(false);
  const [startsAt, setStartsAt] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const doctorId = anyDoctor ? 'any' : appointment.doctor.id;
  const slots = trpc.catalogue.availability.useQuery(
    { serviceId: appointment.serviceId, doctorId, from: date, to: date },
    { enabled: isOpen && /^\d{4}-\d{2}-\d{2}$/.test(date), staleTime: 0 },
  );
  const move = trpc.admin.appointments.move.useMutation();
  const free = slots.data?.days[0]?.slots ?? [];
  const reasonProblem =
    reason.trim() === ''
      ? undefined
      : MoveAppointmentInput.shape.reason.safeParse(reason).error?.issues[0]?.message;

  const submit = async () => {
    setProblem(null);
    const input = MoveAppointmentInput.safeParse({
      appointmentId: appointment.id,
      doctorId,
      startsAt,
      reason,
    });
    if (!input.success) {
      setProblem(input.error.issues[0]?.message ?? 'Choose a time and give a reason.');
      return;
    }
    try {
      onMoved(await move.mutateAsync(input.data));
    } catch (error) {
      if (!isUnauthorized(error)) setProblem(messageOf(error));
    }
  };

  return (
    <Dialog isOpen={isOpen} onOpenChange={onOpenChange} title="Move appointment">
      <form
        noValidate
        className="grid gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <FormProblem problem={problem} title="The appointment was not moved." />
        <NativeDateField
          type="date"
          label="Day"
          value={date}
          onChange={(value) => {
            setDate(value);
            setStartsAt(null);
          }}
        />
        <label className="inline-flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={anyDoctor}
            onChange={(event) => {
              setAnyDoctor(event.target.checked);
              setStartsAt(null);
            }}
          />
          Any doctor who offers {appointment.serviceName} (not only {appointment.doctor.name})
        </label>
        <section aria-label={`Free times on ${formatLocalDay(date)}`}>
          {slots.isPending ? (
            <p className="text-sm text-slate-600">Loading free times…</p>
          ) : free.length === 0 ? (
            <p className="text-sm text-slate-600">No free times that day.</p>
          ) : (
            <ul className="grid grid-cols-[repeat(auto-fill,minmax(5.5rem,1fr))] gap-2">
              {free.map((slot) => (
                <li key={slot.startsAt}>
                  <button
                    type="button"
                    aria-pressed={slot.startsAt === startsAt}
                    onClick={() => setStartsAt(slot.startsAt)}
                    className={cx(
                      'min-h-11 w-full rounded-lg border px-2 text-sm font-semibold tabular-nums',
                      slot.startsAt === startsAt
                        ? 'border-brand-700 bg-brand-700 text-white'
                        : 'border-slate-300 bg-white text-slate-900 hover:border-brand-700',
                    )}
                  >
                    {formatTime(slot.startsAt, timeZone)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <TextArea
          label="Reason"
          description="Recorded on the appointment's timeline and in the audit log."
          value={reason}
          onChange={setReason}
          errorMessage={reasonProblem}
          rows={2}
        />
        <div className="flex flex-wrap justify-end gap-3">
          <Button variant="secondary" onPress={() => onOpenChange(false)}>
            Keep the time
          </Button>
          <BusyButton type="submit" isBusy={move.isPending} busyLabel="Moving…">
            Move appointment
          </BusyButton>
        </div>
      </form>
    </Dialog>
  );
}

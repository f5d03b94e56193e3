import { AddTimeOffInput } from '@clinicpay/contracts';
import { BusyButton, Button } from '@clinicpay/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { appCodeOf } from '../api-errors.js';
import { applyFieldErrors } from '../components/apply-field-errors.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { FormDateField, FormTextField } from '../components/form-fields.js';
import { FormProblem } from '../components/form-problem.js';
import { useTimeZone } from '../components/use-clinic.js';
import { formatDateTime, instantOfLocalDateTime } from '../format/clinic-time.js';
import { trpc } from '../trpc.js';
import type { AdminDoctor } from './doctor-types.js';
import { useDoctorSaved } from './use-doctor-save.js';

const EMPTY = { startsAt: '', endsAt: '', reason: '' };

/**
 * The API's schema for the doctor's time off, the times typed in the clinic's wall-clock time.
 * Each field is checked on its own first; the end-after-start rule only once both are times.
 */
function timeOffSchema(doctorId: string, timeZone: string) {
  const instant = (field: 'startsAt' | 'endsAt') =>
    z
      .string()
      .transform((local) => instantOfLocalDateTime(local, timeZone) ?? '')
      .pipe(AddTimeOffInput.shape[field]);
  return z
    .object({
      startsAt: instant('startsAt'),
      endsAt: instant('endsAt'),
      reason: AddTimeOffInput.shape.reason,
    })
    .transform((fields) => ({ ...fields, doctorId }))
    .pipe(AddTimeOffInput);
}

/**
 * Time off: the periods ahead (removable after a confirmation) and a form to add one, in the
 * clinic's time. The API refuses time off over booked appointments and names them.
 */
export function TimeOffSection({ doctor }: { doctor: AdminDoctor }) {
  const timeZone = useTimeZone();
  const after = useDoctorSaved();
  const schema = useMemo(() => timeOffSchema(doctor.id, timeZone), [doctor.id, timeZone]);
  const form = useForm<z.input<typeof schema>, unknown, AddTimeOffInput>({
    resolver: zodResolver(schema),
    defaultValues: EMPTY,
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [removing, setRemoving] = useState<AdminDoctor['timeOff'][number] | null>(null);
  const add = trpc.admin.doctors.addTimeOff.useMutation();
  const remove = trpc.admin.doctors.removeTimeOff.useMutation({
    onSuccess: (saved) => after.saved(saved, 'Time off removed'),
    onError: (error) => after.shouldShow(error) && setProblem(after.message(error)),
  });

  const submit = form.handleSubmit(async ({ reason, ...period }) => {
    if (add.isPending) return;
    try {
      after.saved(
        await add.mutateAsync({ ...period, ...(reason ? { reason } : {}) }),
        'Time off added',
      );
      form.reset(EMPTY);
    } catch (error) {
      if (!after.shouldShow(error)) return;
      // Bookings in the way concern the whole period: said above the form, not under one field.
      const onFields =
        appCodeOf(error) !== 'schedule_conflict' &&
        applyFieldErrors(error, form.setError, ['startsAt', 'endsAt', 'reason']) > 0;
      if (!onFields) setProblem(after.message(error));
    }
  });

  return (
    <div className="grid gap-5">
      {doctor.timeOff.length === 0 ? (
        <p className="text-sm text-slate-600">No time off ahead.</p>
      ) : (
        <ul className="grid gap-2" aria-label="Time off ahead">
          {doctor.timeOff.map((period) => (
            <li
              key={period.id}
              className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 p-3 text-sm"
            >
              <span>
                <span className="font-semibold">{formatDateTime(period.startsAt, timeZone)}</span> –{' '}
                {formatDateTime(period.endsAt, timeZone)}
                {period.reason ? (
                  <span className="block text-slate-600">{period.reason}</span>
                ) : null}
              </span>
              <Button
                variant="secondary"
                onPress={() => setRemoving(period)}
                aria-label={`Remove time off from ${formatDateTime(period.startsAt, timeZone)}`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        noValidate
        aria-label="Add time off"
        onSubmit={(event) => {
          // Each attempt starts clean: the fields' own checks or the API's answer say what is left.
          setProblem(null);
          void submit(event);
        }}
        className="grid gap-4 border-t border-slate-200 pt-4"
      >
        <h3 className="text-base font-semibold text-slate-900">Add time off</h3>
        <FormProblem problem={problem} title="No time off was added." />
        <div className="grid gap-4 sm:grid-cols-[repeat(2,minmax(0,1fr))] lg:grid-cols-[repeat(3,minmax(0,1fr))]">
          <FormDateField
            control={form.control}
            name="startsAt"
            type="datetime-local"
            label="From"
            description="Clinic time"
          />
          <FormDateField
            control={form.control}
            name="endsAt"
            type="datetime-local"
            label="Until"
            description="Clinic time"
          />
          <FormTextField
            control={form.control}
            name="reason"
            label="Reason (optional)"
            description="Shown only here"
          />
        </div>
        <div>
          <BusyButton type="submit" isBusy={add.isPending} busyLabel="Adding…">
            Add time off
          </BusyButton>
        </div>
      </form>
      <ConfirmDialog
        isOpen={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title="Remove this time off?"
        confirmLabel="Remove time off"
        onConfirm={() => {
          if (removing) remove.mutate({ timeOffId: removing.id });
          setRemoving(null);
        }}
      >
        Patients can book {doctor.name} in this time again.
      </ConfirmDialog>
    </div>
  );
}

import { BusyButton, Button, NativeDateField, Notice, TextField } from '@clinicpay/ui';
import { useState, type FormEvent } from 'react';
import { appCodeOf, fieldErrorsOf } from '../api-errors.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { useTimeZone } from '../components/use-clinic.js';
import { formatDateTime, instantOfLocalDateTime } from '../format/clinic-time.js';
import { trpc } from '../trpc.js';
import type { AdminDoctor } from './doctor-types.js';
import { useDoctorSaved } from './use-doctor-save.js';

type Draft = { startsAt: string; endsAt: string; reason: string };
const EMPTY: Draft = { startsAt: '', endsAt: '', reason: '' };

/**
 * Time off: the periods ahead (removable after a confirmation) and a form to add one, in the
 * clinic's time. The API refuses time off over booked appointments and names them.
 */
export function TimeOffSection({ doctor }: { doctor: AdminDoctor }) {
  const timeZone = useTimeZone();
  const after = useDoctorSaved();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft | 'form', string>>>({});
  const [removing, setRemoving] = useState<AdminDoctor['timeOff'][number] | null>(null);
  const add = trpc.admin.doctors.addTimeOff.useMutation();
  const remove = trpc.admin.doctors.removeTimeOff.useMutation({
    onSuccess: (saved) => after.saved(saved, 'Time off removed'),
    onError: (error) => after.shouldShow(error) && setErrors({ form: after.message(error) }),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    const startsAt = instantOfLocalDateTime(draft.startsAt, timeZone);
    const endsAt = instantOfLocalDateTime(draft.endsAt, timeZone);
    const found: typeof errors = {};
    if (!startsAt) found.startsAt = 'Give the start as a date and time.';
    if (!endsAt) found.endsAt = 'Give the end as a date and time.';
    else if (startsAt && endsAt <= startsAt) found.endsAt = 'The end must be after the start.';
    setErrors(found);
    if (Object.keys(found).length > 0 || !startsAt || !endsAt) return;
    try {
      after.saved(
        await add.mutateAsync({
          doctorId: doctor.id,
          startsAt,
          endsAt,
          ...(draft.reason.trim() ? { reason: draft.reason.trim() } : {}),
        }),
        'Time off added',
      );
      setDraft(EMPTY);
    } catch (error) {
      if (!after.shouldShow(error)) return;
      // Bookings in the way concern the whole period: said above the form, not under one field.
      const fields = appCodeOf(error) === 'schedule_conflict' ? {} : fieldErrorsOf(error);
      setErrors(
        fields.startsAt || fields.endsAt || fields.reason
          ? { startsAt: fields.startsAt, endsAt: fields.endsAt, reason: fields.reason }
          : { form: after.message(error) },
      );
    }
  };

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
        onSubmit={(event) => void submit(event)}
        className="grid gap-4 border-t border-slate-200 pt-4"
      >
        <h3 className="text-base font-semibold text-slate-900">Add time off</h3>
        {errors.form ? (
          <Notice tone="error" role="alert" title="No time off was added.">
            {errors.form}
          </Notice>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-[repeat(2,minmax(0,1fr))] lg:grid-cols-[repeat(3,minmax(0,1fr))]">
          <NativeDateField
            type="datetime-local"
            label="From"
            value={draft.startsAt}
            onChange={(startsAt) => setDraft({ ...draft, startsAt })}
            errorMessage={errors.startsAt}
            description="Clinic time"
          />
          <NativeDateField
            type="datetime-local"
            label="Until"
            value={draft.endsAt}
            onChange={(endsAt) => setDraft({ ...draft, endsAt })}
            errorMessage={errors.endsAt}
            description="Clinic time"
          />
          <TextField
            label="Reason (optional)"
            value={draft.reason}
            onChange={(reason) => setDraft({ ...draft, reason })}
            errorMessage={errors.reason}
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

import { SetWeeklyHoursInput } from '@clinicpay/contracts';
import { Button, BusyButton, NativeDateField, Notice, Select } from '@clinicpay/ui';
import { useState, type FormEvent } from 'react';
import { fieldErrorsOf } from '../api-errors.js';
import { trpc } from '../trpc.js';
import type { AdminDoctor } from './doctor-types.js';
import { useDoctorSaved } from './use-doctor-save.js';
import { WEEK_ORDER, WEEKDAY_NAMES } from './weekdays.js';

type Interval = AdminDoctor['weeklyHours'][number];
const DAY_OPTIONS = WEEK_ORDER.map((day) => ({ id: String(day), label: WEEKDAY_NAMES[day] }));
const byWeek = (a: Interval, b: Interval) =>
  WEEK_ORDER.indexOf(a.weekday as never) - WEEK_ORDER.indexOf(b.weekday as never) ||
  a.start.localeCompare(b.start);

/**
 * The doctor's week as intervals in the clinic's wall-clock time (09:00–12:30, 13:30–17:00…).
 * Checked with the API's schema before saving; the API refuses hours that would leave a booking
 * outside them and names the bookings.
 */
export function WeeklyHoursForm({ doctor }: { doctor: AdminDoctor }) {
  const [hours, setHours] = useState<Interval[]>(() => [...doctor.weeklyHours].sort(byWeek));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const after = useDoctorSaved();
  const save = trpc.admin.doctors.setWeeklyHours.useMutation();
  const change = (index: number, patch: Partial<Interval>) =>
    setHours(hours.map((h, i) => (i === index ? { ...h, ...patch } : h)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setProblem(null);
    const parsed = SetWeeklyHoursInput.safeParse({ doctorId: doctor.id, hours });
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(
          parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]),
        ),
      );
      return;
    }
    setErrors({});
    try {
      const saved = await save.mutateAsync(parsed.data);
      setHours([...saved.weeklyHours].sort(byWeek));
      after.saved(saved, 'Weekly hours saved');
    } catch (error) {
      if (!after.shouldShow(error)) return;
      const fields = fieldErrorsOf(error);
      setProblem(fields.hours ?? after.message(error));
    }
  };

  return (
    <form
      noValidate
      aria-label="Weekly hours"
      onSubmit={(event) => void submit(event)}
      className="grid max-w-4xl gap-4"
    >
      {problem ? (
        <Notice tone="error" role="alert" title="The hours were not changed.">
          {problem}
        </Notice>
      ) : null}
      {hours.length === 0 ? (
        <p className="text-sm text-slate-600">No hours: patients cannot book this doctor.</p>
      ) : null}
      <ul className="grid gap-3">
        {hours.map((interval, index) => (
          <li
            key={index}
            className="grid grid-cols-2 items-end gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-[minmax(0,1.3fr)_minmax(0,1fr)_minmax(0,1fr)_auto]"
          >
            <Select
              label="Day"
              options={DAY_OPTIONS}
              value={String(interval.weekday)}
              onChange={(day) => change(index, { weekday: Number(day ?? interval.weekday) })}
              className="col-span-2 sm:col-span-1"
            />
            <NativeDateField
              type="time"
              label="From"
              value={interval.start}
              onChange={(start) => change(index, { start })}
              errorMessage={errors[`hours.${index}.start`]}
            />
            <NativeDateField
              type="time"
              label="Until"
              value={interval.end === '24:00' ? '23:59' : interval.end}
              onChange={(end) => change(index, { end })}
              errorMessage={errors[`hours.${index}.end`]}
            />
            <Button
              variant="secondary"
              onPress={() => setHours(hours.filter((_, i) => i !== index))}
              aria-label={`Remove ${WEEKDAY_NAMES[interval.weekday]} ${interval.start}–${interval.end}`}
              className="col-span-2 sm:col-span-1"
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        <Button
          variant="secondary"
          onPress={() => setHours([...hours, { weekday: 1, start: '09:00', end: '17:00' }])}
        >
          Add hours
        </Button>
        <BusyButton type="submit" isBusy={save.isPending} busyLabel="Saving…">
          Save weekly hours
        </BusyButton>
      </div>
    </form>
  );
}

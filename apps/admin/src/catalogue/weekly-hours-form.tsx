import { SetWeeklyHoursInput } from '@clinicpay/contracts';
import { Button, BusyButton, NativeDateField, Select } from '@clinicpay/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useController, useFieldArray, useForm, useWatch, type Control } from 'react-hook-form';
import { fieldErrorsOf } from '../api-errors.js';
import { FormDateField } from '../components/form-fields.js';
import { FormProblem } from '../components/form-problem.js';
import { trpc } from '../trpc.js';
import type { AdminDoctor } from './doctor-types.js';
import { useDoctorSaved } from './use-doctor-save.js';
import { WEEK_ORDER, WEEKDAY_NAMES } from './weekdays.js';

type Interval = AdminDoctor['weeklyHours'][number];
const DAY_OPTIONS = WEEK_ORDER.map((day) => ({ id: String(day), label: WEEKDAY_NAMES[day] }));
const byWeek = (a: Interval, b: Interval) =>
  WEEK_ORDER.indexOf(a.weekday as never) - WEEK_ORDER.indexOf(b.weekday as never) ||
  a.start.localeCompare(b.start);
const valuesOf = (doctor: AdminDoctor): SetWeeklyHoursInput => ({
  doctorId: doctor.id,
  hours: [...doctor.weeklyHours].sort(byWeek),
});

/**
 * The doctor's week as intervals in the clinic's wall-clock time (09:00–12:30, 13:30–17:00…).
 * Checked with the API's schema before saving; the API refuses hours that would leave a booking
 * outside them and names the bookings.
 */
export function WeeklyHoursForm({ doctor }: { doctor: AdminDoctor }) {
  const form = useForm<SetWeeklyHoursInput>({
    resolver: zodResolver(SetWeeklyHoursInput),
    defaultValues: valuesOf(doctor),
  });
  const hours = useFieldArray({ control: form.control, name: 'hours' });
  const [problem, setProblem] = useState<string | null>(null);
  const after = useDoctorSaved();
  const save = trpc.admin.doctors.setWeeklyHours.useMutation();

  const submit = form.handleSubmit(async (input) => {
    if (save.isPending) return;
    try {
      const saved = await save.mutateAsync(input);
      form.reset(valuesOf(saved));
      after.saved(saved, 'Weekly hours saved');
    } catch (error) {
      if (!after.shouldShow(error)) return;
      const fields = fieldErrorsOf(error);
      setProblem(fields.hours ?? after.message(error));
    }
  });

  return (
    <form
      noValidate
      aria-label="Weekly hours"
      onSubmit={(event) => {
        setProblem(null);
        void submit(event);
      }}
      className="grid max-w-4xl gap-4"
    >
      <FormProblem problem={problem} title="The hours were not changed." />
      {hours.fields.length === 0 ? (
        <p className="text-sm text-slate-600">No hours: patients cannot book this doctor.</p>
      ) : null}
      <ul className="grid gap-3">
        {hours.fields.map((interval, index) => (
          <IntervalRow
            key={interval.id}
            control={form.control}
            index={index}
            onRemove={() => hours.remove(index)}
          />
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        <Button
          variant="secondary"
          onPress={() => hours.append({ weekday: 1, start: '09:00', end: '17:00' })}
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

/** One interval: its day, from and until, and Remove (named after the interval it removes). */
function IntervalRow({
  control,
  index,
  onRemove,
}: {
  control: Control<SetWeeklyHoursInput>;
  index: number;
  onRemove: () => void;
}) {
  const interval = useWatch({ control, name: `hours.${index}` });
  return (
    <li className="grid grid-cols-2 items-end gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-[minmax(0,1.3fr)_minmax(0,1fr)_minmax(0,1fr)_auto]">
      <DayField control={control} index={index} />
      <FormDateField control={control} name={`hours.${index}.start`} type="time" label="From" />
      <UntilField control={control} index={index} />
      <Button
        variant="secondary"
        onPress={onRemove}
        aria-label={`Remove ${WEEKDAY_NAMES[interval.weekday]} ${interval.start}–${interval.end}`}
        className="col-span-2 sm:col-span-1"
      >
        Remove
      </Button>
    </li>
  );
}

/** The day as a drop-down of names; the form keeps its number (0 = Sunday). */
function DayField({ control, index }: { control: Control<SetWeeklyHoursInput>; index: number }) {
  const { field } = useController({ control, name: `hours.${index}.weekday` });
  return (
    <Select
      label="Day"
      options={DAY_OPTIONS}
      value={String(field.value)}
      onChange={(day) => field.onChange(Number(day ?? field.value))}
      className="col-span-2 sm:col-span-1"
    />
  );
}

function UntilField({ control, index }: { control: Control<SetWeeklyHoursInput>; index: number }) {
  const { field, fieldState } = useController({ control, name: `hours.${index}.end` });
  return (
    <NativeDateField
      type="time"
      label="Until"
      {...field}
      // A day that runs to midnight is kept as 24:00, which a time input cannot show.
      value={field.value === '24:00' ? '23:59' : field.value}
      errorMessage={fieldState.error?.message}
    />
  );
}

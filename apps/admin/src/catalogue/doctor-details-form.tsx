import { UpdateDoctorInput } from '@clinicpay/contracts';
import { BusyButton, Checkbox } from '@clinicpay/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useController, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { applyFieldErrors } from '../components/apply-field-errors.js';
import { FormTextField } from '../components/form-fields.js';
import { FormProblem } from '../components/form-problem.js';
import { trpc } from '../trpc.js';
import type { AdminDoctor } from './doctor-types.js';
import { useDoctorSaved } from './use-doctor-save.js';

type Values = z.input<typeof UpdateDoctorInput>;

/** Name, specialty, and whether the doctor takes bookings at all. */
export function DoctorDetailsForm({ doctor }: { doctor: AdminDoctor }) {
  const form = useForm<Values, unknown, UpdateDoctorInput>({
    resolver: zodResolver(UpdateDoctorInput),
    mode: 'onTouched',
    values: {
      doctorId: doctor.id,
      name: doctor.name,
      specialty: doctor.specialty,
      active: doctor.active,
    },
  });
  const active = useController({ control: form.control, name: 'active' }).field;
  const [problem, setProblem] = useState<string | null>(null);
  const after = useDoctorSaved();
  const update = trpc.admin.doctors.update.useMutation();
  const submit = form.handleSubmit(async (input) => {
    if (update.isPending) return;
    setProblem(null);
    try {
      after.saved(await update.mutateAsync(input), 'Details saved');
    } catch (error) {
      if (
        after.shouldShow(error) &&
        applyFieldErrors(error, form.setError, ['name', 'specialty']) === 0
      )
        setProblem(after.message(error));
    }
  });
  return (
    <form
      noValidate
      aria-label="Doctor details"
      onSubmit={(event) => void submit(event)}
      className="grid gap-4"
    >
      <FormProblem problem={problem} />
      <FormTextField control={form.control} name="name" label="Name" />
      <FormTextField control={form.control} name="specialty" label="Specialty" />
      <Checkbox
        isSelected={active.value}
        onChange={active.onChange}
        description="Off: patients cannot book them; bookings already made stay."
      >
        Takes bookings
      </Checkbox>
      <div>
        <BusyButton type="submit" isBusy={update.isPending} busyLabel="Saving…">
          Save details
        </BusyButton>
      </div>
    </form>
  );
}

import { CreateDoctorInput } from '@clinicpay/contracts';
import { Button, BusyButton, Dialog } from '@clinicpay/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { applyFieldErrors } from '../components/apply-field-errors.js';
import { FormTextField } from '../components/form-fields.js';
import { FormProblem } from '../components/form-problem.js';
import { notify } from '../toasts.js';
import { trpc } from '../trpc.js';

type Values = z.input<typeof CreateDoctorInput>;

/** Add a doctor (name and specialty); their services, hours and time off are set on their page next. */
export function DoctorFormDialog({
  isOpen,
  onOpenChange,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const form = useForm<Values, unknown, CreateDoctorInput>({
    resolver: zodResolver(CreateDoctorInput),
    mode: 'onTouched',
    defaultValues: { name: '', specialty: '' },
  });
  const [problem, setProblem] = useState<string | null>(null);
  const create = trpc.admin.doctors.create.useMutation();
  const submit = form.handleSubmit(async (input) => {
    if (create.isPending) return;
    try {
      const doctor = await create.mutateAsync(input);
      void utils.admin.doctors.list.invalidate();
      notify({
        title: `${doctor.name} added`,
        description: 'Now set their services and weekly hours.',
        tone: 'success',
      });
      onOpenChange(false);
      void navigate(`/doctors/${doctor.id}`);
    } catch (error) {
      if (isUnauthorized(error)) return;
      if (applyFieldErrors(error, form.setError, ['name', 'specialty']) === 0)
        setProblem(messageOf(error));
    }
  });
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title="Add a doctor"
      isDismissable={!create.isPending}
    >
      <form noValidate onSubmit={(event) => void submit(event)} className="grid gap-4">
        <FormProblem problem={problem} />
        <FormTextField
          control={form.control}
          name="name"
          label="Name"
          description="As patients see it, e.g. Dr. Amara Okafor."
        />
        <FormTextField control={form.control} name="specialty" label="Specialty (optional)" />
        <div className="flex flex-wrap justify-end gap-3">
          <Button
            variant="secondary"
            onPress={() => onOpenChange(false)}
            isDisabled={create.isPending}
          >
            Cancel
          </Button>
          <BusyButton type="submit" isBusy={create.isPending} busyLabel="Adding…">
            Add doctor
          </BusyButton>
        </div>
      </form>
    </Dialog>
  );
}

import type { ClinicProfileFormValues, ClinicProfileInput } from '@clinicpay/contracts';
import { BusyButton, Card, PageHeading, useDocumentTitle } from '@clinicpay/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { appCodeOf, isUnauthorized, messageOf } from '../api-errors.js';
import { applyFieldErrors } from '../components/apply-field-errors.js';
import { FormProblem } from '../components/form-problem.js';
import { trpc } from '../trpc.js';
import { ClinicFields } from './clinic-fields.js';
import {
  CLINIC_FIELDS,
  ClinicProfileInput as ProfileSchema,
  emptyClinicForm,
} from './clinic-form-values.js';

/** The first admin's first page: the clinic is created here, before anything else can be done. */
export function ClinicSetupPage() {
  useDocumentTitle('Set up your clinic · Clinic admin');
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const form = useForm<ClinicProfileFormValues, unknown, ClinicProfileInput>({
    resolver: zodResolver(ProfileSchema),
    mode: 'onTouched',
    defaultValues: emptyClinicForm(),
  });
  const [problem, setProblem] = useState<string | null>(null);
  const setUp = trpc.admin.clinic.setUp.useMutation();
  const submit = form.handleSubmit(async (input) => {
    if (setUp.isPending) return;
    setProblem(null);
    try {
      await setUp.mutateAsync(input);
    } catch (error) {
      if (isUnauthorized(error)) return;
      if (applyFieldErrors(error, form.setError, CLINIC_FIELDS) === 0) setProblem(messageOf(error));
      // Set up meanwhile (another tab, another admin): its profile is what counts now.
      if (appCodeOf(error) !== 'clinic_already_set_up') return;
    }
    await Promise.all([utils.admin.clinic.invalidate(), utils.catalogue.clinic.invalidate()]);
    void navigate('/', { replace: true });
  });
  return (
    <div className="mx-auto grid max-w-2xl gap-6">
      <PageHeading
        title="Set up your clinic"
        description="Patients see these details when they book. You can change them later on the Clinic page."
      />
      <Card className="p-4 sm:p-6">
        <form noValidate onSubmit={(event) => void submit(event)} className="grid gap-5">
          <FormProblem problem={problem} />
          <ClinicFields control={form.control} />
          <div className="flex justify-end">
            <BusyButton type="submit" isBusy={setUp.isPending} busyLabel="Saving…">
              Save and continue
            </BusyButton>
          </div>
        </form>
      </Card>
    </div>
  );
}

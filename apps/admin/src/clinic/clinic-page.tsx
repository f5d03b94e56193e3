import type { ClinicProfileFormValues, ClinicProfileInput } from '@clinicpay/contracts';
import {
  BusyButton,
  Card,
  LoadingRegion,
  PageHeading,
  Skeleton,
  useDocumentTitle,
} from '@clinicpay/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { applyFieldErrors } from '../components/apply-field-errors.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { FormProblem } from '../components/form-problem.js';
import { QueryError } from '../components/query-states.js';
import { BookingProtectionSection } from '../booking-protection/booking-protection-section.js';
import { notify } from '../toasts.js';
import { trpc, type Outputs } from '../trpc.js';
import { ClinicFields } from './clinic-fields.js';
import { CLINIC_FIELDS, ClinicProfileInput as ProfileSchema } from './clinic-form-values.js';
import { timeZoneChangeSentence, type TimeZoneChange } from './time-zone-change.js';

type Profile = NonNullable<Outputs['clinic']['get']['clinic']>;

/** "Clinic": the profile set up on the first sign-in, editable within its rules. */
export function ClinicPage() {
  useDocumentTitle('Clinic · Clinic admin');
  const profile = trpc.admin.clinic.get.useQuery();
  return (
    <div className="grid max-w-2xl gap-6">
      <PageHeading
        title="Clinic"
        description="Your clinic's details, as patients see them when they book and in their messages."
      />
      <p className="text-sm">
        <Link
          to="/getting-started"
          className="font-semibold text-brand-700 underline-offset-2 hover:underline"
        >
          The set-up checklist
        </Link>
      </p>
      <QueryError query={profile} title="The clinic's details could not be loaded." />
      {profile.data?.clinic ? (
        <Card className="p-4 sm:p-6">
          <ClinicForm clinic={profile.data.clinic} currencyLocked={profile.data.currencyLocked} />
        </Card>
      ) : profile.isPending ? (
        <LoadingRegion label="Loading the clinic's details…">
          <Card className="grid gap-5 p-6">
            {[0, 1, 2, 3, 4, 5].map((row) => (
              <Skeleton key={row} className="h-11 w-full" />
            ))}
          </Card>
        </LoadingRegion>
      ) : null}
      {profile.data?.clinic ? <BookingProtectionSection /> : null}
    </div>
  );
}

function ClinicForm({
  clinic,
  currencyLocked,
}: {
  clinic: Profile;
  currencyLocked: string | null;
}) {
  const utils = trpc.useUtils();
  const form = useForm<ClinicProfileFormValues, unknown, ClinicProfileInput>({
    resolver: zodResolver(ProfileSchema),
    mode: 'onTouched',
    defaultValues: clinic,
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState<{ input: ClinicProfileInput; change: TimeZoneChange }>();
  const update = trpc.admin.clinic.update.useMutation();

  const save = async (input: ClinicProfileInput, confirmTimeZoneChange = false) => {
    setProblem(null);
    try {
      const saved = await update.mutateAsync({ ...input, confirmTimeZoneChange });
      form.reset(saved.clinic ?? input);
      utils.admin.clinic.get.setData(undefined, saved);
      void utils.catalogue.clinic.invalidate();
      void utils.admin.stripeSettings.invalidate();
      notify({ title: 'Clinic details saved', tone: 'success' });
    } catch (error) {
      if (isUnauthorized(error)) return;
      if (applyFieldErrors(error, form.setError, CLINIC_FIELDS) === 0) setProblem(messageOf(error));
    }
  };

  const submit = form.handleSubmit(async (input) => {
    if (update.isPending) return;
    if (input.timeZone !== clinic.timeZone) {
      const change = await utils.admin.clinic.previewTimeZoneChange.fetch({
        timeZone: input.timeZone,
      });
      // Bookings ahead read differently in another zone: the admin sees how before saving.
      if (change.futureBookings > 0) {
        setPending({ input, change: { ...change, from: clinic.timeZone, to: input.timeZone } });
        return;
      }
    }
    await save(input);
  });

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="grid gap-5">
      <FormProblem problem={problem} />
      <ClinicFields control={form.control} currencyLocked={currencyLocked} />
      <div className="flex justify-end">
        <BusyButton type="submit" isBusy={update.isPending} busyLabel="Saving…">
          Save
        </BusyButton>
      </div>
      <ConfirmDialog
        isOpen={pending !== undefined}
        onOpenChange={(open) => {
          if (!open) setPending(undefined);
        }}
        title="Change the time zone?"
        confirmLabel="Change the time zone"
        onConfirm={() => {
          const input = pending?.input;
          setPending(undefined);
          if (input) void save(input, true);
        }}
      >
        {pending ? <p>{timeZoneChangeSentence(pending.change)}</p> : null}
      </ConfirmDialog>
    </form>
  );
}

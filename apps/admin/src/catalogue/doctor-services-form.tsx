import { formatMoney, SetDoctorServicesInput } from '@clinicpay/contracts';
import { BusyButton, Checkbox, formatDuration, Notice } from '@clinicpay/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { FormCheckboxGroup } from '../components/form-fields.js';
import { trpc } from '../trpc.js';
import type { AdminDoctor } from './doctor-types.js';
import { useDoctorSaved } from './use-doctor-save.js';

/** Which services the doctor offers (deleted services are not offered to anyone, so not listed). */
export function DoctorServicesForm({ doctor }: { doctor: AdminDoctor }) {
  const services = trpc.admin.services.list.useQuery();
  const form = useForm<SetDoctorServicesInput>({
    resolver: zodResolver(SetDoctorServicesInput),
    defaultValues: { doctorId: doctor.id, serviceIds: doctor.serviceIds },
  });
  const after = useDoctorSaved();
  const save = trpc.admin.doctors.setServices.useMutation();
  const offered = (services.data ?? []).filter((s) => !s.deleted);
  const submit = form.handleSubmit(async ({ doctorId, serviceIds }) => {
    if (save.isPending) return;
    try {
      after.saved(
        await save.mutateAsync({
          doctorId,
          serviceIds: serviceIds.filter((id) => offered.some((s) => s.id === id)),
        }),
        'Services saved',
      );
    } catch (error) {
      // Whatever the API says concerns the choice as a whole: said under the group.
      if (after.shouldShow(error))
        form.setError('serviceIds', { type: 'server', message: after.message(error) });
    }
  });
  return (
    <form
      noValidate
      aria-label="Services offered"
      onSubmit={(event) => void submit(event)}
      className="grid gap-4"
    >
      <FormCheckboxGroup
        control={form.control}
        name="serviceIds"
        label="Offers"
        description="Patients can book these with this doctor."
      >
        {offered.map((service) => (
          <Checkbox
            key={service.id}
            value={service.id}
            description={`${formatDuration(service.durationMinutes)} · ${service.price.amount === 0 ? 'Free' : formatMoney(service.price)}`}
          >
            {service.name}
          </Checkbox>
        ))}
      </FormCheckboxGroup>
      {services.isError ? <Notice tone="error">The services could not be loaded.</Notice> : null}
      <div>
        <BusyButton type="submit" isBusy={save.isPending} busyLabel="Saving…">
          Save services
        </BusyButton>
      </div>
    </form>
  );
}

import { formatMoney } from '@clinicpay/contracts';
import { BusyButton, Checkbox, CheckboxGroup, formatDuration, Notice } from '@clinicpay/ui';
import { useState, type FormEvent } from 'react';
import { trpc } from '../trpc.js';
import type { AdminDoctor } from './doctor-types.js';
import { useDoctorSaved } from './use-doctor-save.js';

/** Which services the doctor offers (deleted services are not offered to anyone, so not listed). */
export function DoctorServicesForm({ doctor }: { doctor: AdminDoctor }) {
  const services = trpc.admin.services.list.useQuery();
  const [chosen, setChosen] = useState<string[]>(doctor.serviceIds);
  const [problem, setProblem] = useState<string | null>(null);
  const after = useDoctorSaved();
  const save = trpc.admin.doctors.setServices.useMutation();
  const offered = (services.data ?? []).filter((s) => !s.deleted);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setProblem(null);
    try {
      after.saved(
        await save.mutateAsync({
          doctorId: doctor.id,
          serviceIds: chosen.filter((id) => offered.some((s) => s.id === id)),
        }),
        'Services saved',
      );
    } catch (error) {
      if (after.shouldShow(error)) setProblem(after.message(error));
    }
  };
  return (
    <form
      noValidate
      aria-label="Services offered"
      onSubmit={(event) => void submit(event)}
      className="grid gap-4"
    >
      <CheckboxGroup
        label="Offers"
        description="Patients can book these with this doctor."
        value={chosen}
        onChange={setChosen}
        errorMessage={problem ?? undefined}
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
      </CheckboxGroup>
      {services.isError ? <Notice tone="error">The services could not be loaded.</Notice> : null}
      <div>
        <BusyButton type="submit" isBusy={save.isPending} busyLabel="Saving…">
          Save services
        </BusyButton>
      </div>
    </form>
  );
}

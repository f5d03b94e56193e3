import { Button, BusyButton, Checkbox, Dialog } from '@clinicpay/ui';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { fieldErrorsOf, isUnauthorized, messageOf } from '../api-errors.js';
import { FormCheckboxGroup, FormComboBox, FormTextField } from '../components/form-fields.js';
import { FormProblem } from '../components/form-problem.js';
import { currencyOptions } from '../format/currency-options.js';
import { notify } from '../toasts.js';
import { trpc } from '../trpc.js';
import {
  serviceFieldOf,
  serviceFormResolver,
  serviceFormValuesOf,
  type AdminService,
  type ServiceFormValues,
} from './service-form-values.js';
import type { CreateServiceInput } from '@clinicpay/contracts';

export interface ServiceFormDialogProps {
  /** The service to edit, or null to add one. */
  service: AdminService | null;
  defaultCurrency: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * Add or edit a service: name, duration, price in its currency (and, when adding, who offers it).
 * The API checks the price against Stripe's limits and the currency Stripe charges in; its
 * refusals appear on their fields.
 */
export function ServiceFormDialog({
  service,
  defaultCurrency,
  isOpen,
  onOpenChange,
}: ServiceFormDialogProps) {
  const utils = trpc.useUtils();
  const doctors = trpc.admin.doctors.list.useQuery(undefined, { enabled: isOpen && !service });
  const form = useForm<ServiceFormValues, unknown, CreateServiceInput>({
    resolver: serviceFormResolver,
    mode: 'onTouched',
    values: serviceFormValuesOf(service, defaultCurrency),
  });
  const [problem, setProblem] = useState<string | null>(null);
  const create = trpc.admin.services.create.useMutation();
  const update = trpc.admin.services.update.useMutation();
  const busy = create.isPending || update.isPending;

  const submit = form.handleSubmit(async (input) => {
    if (busy) return;
    setProblem(null);
    try {
      const saved = service
        ? await update.mutateAsync({
            serviceId: service.id,
            name: input.name,
            durationMinutes: input.durationMinutes,
            price: input.price,
          })
        : await create.mutateAsync(input);
      void utils.admin.services.list.invalidate();
      void utils.catalogue.invalidate();
      notify({ title: service ? `${saved.name} saved` : `${saved.name} added`, tone: 'success' });
      onOpenChange(false);
    } catch (error) {
      if (isUnauthorized(error)) return;
      const fields = Object.entries(fieldErrorsOf(error)).flatMap(([path, message]) => {
        const field = serviceFieldOf(path);
        return field ? [[field, message] as const] : [];
      });
      fields.forEach(([field, message], i) =>
        form.setError(field, { type: 'server', message }, { shouldFocus: i === 0 }),
      );
      if (fields.length === 0) setProblem(messageOf(error));
    }
  });

  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={service ? `Edit ${service.name}` : 'Add a service'}
      isDismissable={!busy}
    >
      <form noValidate onSubmit={(event) => void submit(event)} className="grid gap-4">
        <FormProblem problem={problem} title="Nothing was saved." />
        <FormTextField
          control={form.control}
          name="name"
          label="Name"
          description="As patients see it, e.g. General consultation."
        />
        <FormTextField
          control={form.control}
          name="durationMinutes"
          label="Duration (minutes)"
          inputMode="numeric"
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <FormTextField
            control={form.control}
            name="price"
            label="Price"
            inputMode="decimal"
            description="0 for a free service."
          />
          <FormComboBox
            control={form.control}
            name="currency"
            label="Currency"
            options={currencyOptions()}
          />
        </div>
        {!service && doctors.data && doctors.data.length > 0 ? (
          <FormCheckboxGroup
            control={form.control}
            name="doctorIds"
            label="Offered by"
            listClassName="sm:grid-cols-2"
          >
            {doctors.data.map((doctor) => (
              <Checkbox
                key={doctor.id}
                value={doctor.id}
                description={doctor.active ? undefined : 'Not taking bookings'}
              >
                {doctor.name}
              </Checkbox>
            ))}
          </FormCheckboxGroup>
        ) : null}
        <div className="flex flex-wrap justify-end gap-3">
          <Button variant="secondary" onPress={() => onOpenChange(false)} isDisabled={busy}>
            Cancel
          </Button>
          <BusyButton type="submit" isBusy={busy} busyLabel="Saving…">
            {service ? 'Save service' : 'Add service'}
          </BusyButton>
        </div>
      </form>
    </Dialog>
  );
}

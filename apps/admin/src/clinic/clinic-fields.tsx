import { ianaTimeZones } from '@clinicpay/contracts';
import type { ComboBoxOption } from '@clinicpay/ui';
import { FormComboBox, FormTextField } from '../components/form-fields.js';
import { currencyOptions } from '../format/currency-options.js';
import type { ClinicFormControl } from './clinic-form-values.js';

let zones: ComboBoxOption[] | null = null;
const timeZoneOptions = () =>
  (zones ??= ianaTimeZones().map((zone) => ({ id: zone, label: zone.replaceAll('_', ' ') })));

/**
 * The clinic's profile fields, for the set-up page and the Clinic page alike. `currencyLocked`,
 * when set, says why the currency can no longer change.
 */
export function ClinicFields({
  control,
  currencyLocked,
}: {
  control: ClinicFormControl;
  currencyLocked?: string | null;
}) {
  return (
    <div className="grid gap-4">
      <FormTextField
        control={control}
        name="name"
        label="Clinic name"
        autoComplete="organization"
      />
      <FormTextField
        control={control}
        name="address"
        label="Address"
        description="As patients should find it; shown on the booking page."
        autoComplete="street-address"
      />
      <FormComboBox
        control={control}
        name="timeZone"
        label="Time zone"
        description="Appointments and working hours are shown in it. Type a city to search."
        options={timeZoneOptions()}
      />
      <FormComboBox
        control={control}
        name="currency"
        label="Currency"
        description={
          currencyLocked ??
          'The one currency the clinic prices its services and charges in; Payment Settings shows the same.'
        }
        isDisabled={!!currencyLocked}
        options={currencyOptions()}
      />
      <FormTextField
        control={control}
        name="contactEmail"
        label="Contact email"
        type="email"
        autoComplete="email"
      />
      <FormTextField
        control={control}
        name="contactPhone"
        label="Contact phone"
        description="With the country code, e.g. +64 9 555 0100."
        type="tel"
        autoComplete="tel"
      />
    </div>
  );
}

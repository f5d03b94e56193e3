import { ClinicProfileInput, type ClinicProfileFormValues } from '@clinicpay/contracts';
import type { Control } from 'react-hook-form';

export const CLINIC_FIELDS = [
  'name',
  'address',
  'timeZone',
  'currency',
  'contactEmail',
  'contactPhone',
] as const;

export type ClinicFormControl = Control<ClinicProfileFormValues, unknown, ClinicProfileInput>;

/** A new clinic starts in the browser's own time zone, which is usually the clinic's. */
export function emptyClinicForm(): ClinicProfileFormValues {
  return {
    name: '',
    address: '',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    currency: '',
    contactEmail: '',
    contactPhone: '',
  };
}

export { ClinicProfileInput };

import { isUnauthorized, messageOf } from '../api-errors.js';
import { notify } from '../toasts.js';
import { trpc } from '../trpc.js';
import type { AdminDoctor } from './doctor-types.js';

/** After any doctor change: the lists (admin and the patients' catalogue) read again, and a toast. */
export function useDoctorSaved() {
  const utils = trpc.useUtils();
  return {
    saved(doctor: AdminDoctor, title: string) {
      utils.admin.doctors.list.setData(undefined, (list) =>
        list?.map((d) => (d.id === doctor.id ? doctor : d)),
      );
      void utils.admin.doctors.list.invalidate();
      void utils.admin.services.list.invalidate();
      void utils.catalogue.invalidate();
      notify({ title, description: doctor.name, tone: 'success' });
    },
    /** True when the caller should show the message itself (it is not an ended session). */
    shouldShow(error: unknown): boolean {
      return !isUnauthorized(error);
    },
    message: messageOf,
  };
}

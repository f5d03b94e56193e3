import { ClinicProfileInput, TimeZoneChangeInput, UpdateClinicInput } from '@clinicpay/contracts';
import {
  previewTimeZoneChange,
  readClinicProfile,
  setUpClinic,
  updateClinicProfile,
} from '../../services/clinic/clinic-profile.service.js';
import { readSetupChecklist } from '../../services/clinic/setup-checklist.service.js';
import { adminProcedure, router } from '../../trpc.js';

/** The clinic's own profile: set-up on the first sign-in, then the Clinic page and the checklist. */
export const clinicRouter = router({
  get: adminProcedure('clinic.view').query(({ ctx }) => readClinicProfile(ctx)),
  setUp: adminProcedure('clinic.manage')
    .input(ClinicProfileInput)
    .mutation(({ ctx, input }) => setUpClinic(ctx, input)),
  update: adminProcedure('clinic.manage')
    .input(UpdateClinicInput)
    .mutation(({ ctx, input }) => updateClinicProfile(ctx, input)),
  previewTimeZoneChange: adminProcedure('clinic.manage')
    .input(TimeZoneChangeInput)
    .query(({ ctx, input }) => previewTimeZoneChange(ctx, input)),
  checklist: adminProcedure('clinic.view').query(({ ctx }) => readSetupChecklist(ctx)),
});

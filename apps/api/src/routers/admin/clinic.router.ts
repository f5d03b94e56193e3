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
  get: adminProcedure.query(({ ctx }) => readClinicProfile(ctx)),
  setUp: adminProcedure
    .input(ClinicProfileInput)
    .mutation(({ ctx, input }) => setUpClinic(ctx, input)),
  update: adminProcedure
    .input(UpdateClinicInput)
    .mutation(({ ctx, input }) => updateClinicProfile(ctx, input)),
  previewTimeZoneChange: adminProcedure
    .input(TimeZoneChangeInput)
    .query(({ ctx, input }) => previewTimeZoneChange(ctx, input)),
  checklist: adminProcedure.query(({ ctx }) => readSetupChecklist(ctx)),
});

import {
  AddTimeOffInput,
  CreateDoctorInput,
  CreateServiceInput,
  ServiceIdInput,
  SetDoctorServicesInput,
  SetWeeklyHoursInput,
  TimeOffIdInput,
  UpdateDoctorInput,
  UpdateServiceInput,
} from '@clinicpay/contracts';
import {
  createService,
  deleteService,
  editService,
  listServices,
} from '../../services/catalogue/services.service.js';
import {
  addTimeOff,
  removeTimeOff,
  setWeeklyHours,
} from '../../services/catalogue/doctor-schedule.service.js';
import {
  createDoctor,
  editDoctor,
  listDoctors,
  setDoctorServices,
} from '../../services/catalogue/doctors.service.js';
import { adminProcedure, router } from '../../trpc.js';

export const servicesRouter = router({
  list: adminProcedure('clinic.view').query(({ ctx }) => listServices(ctx)),
  create: adminProcedure('clinic.manage')
    .input(CreateServiceInput)
    .mutation(({ ctx, input }) => createService(ctx, input)),
  update: adminProcedure('clinic.manage')
    .input(UpdateServiceInput)
    .mutation(({ ctx, input }) => editService(ctx, input)),
  delete: adminProcedure('clinic.manage')
    .input(ServiceIdInput)
    .mutation(({ ctx, input }) => deleteService(ctx, input.serviceId, true)),
  restore: adminProcedure('clinic.manage')
    .input(ServiceIdInput)
    .mutation(({ ctx, input }) => deleteService(ctx, input.serviceId, false)),
});

export const doctorsRouter = router({
  list: adminProcedure('clinic.view').query(({ ctx }) => listDoctors(ctx)),
  create: adminProcedure('clinic.manage')
    .input(CreateDoctorInput)
    .mutation(({ ctx, input }) => createDoctor(ctx, input)),
  update: adminProcedure('clinic.manage')
    .input(UpdateDoctorInput)
    .mutation(({ ctx, input }) => editDoctor(ctx, input)),
  setServices: adminProcedure('clinic.manage')
    .input(SetDoctorServicesInput)
    .mutation(({ ctx, input }) => setDoctorServices(ctx, input)),
  setWeeklyHours: adminProcedure('clinic.manage')
    .input(SetWeeklyHoursInput)
    .mutation(({ ctx, input }) => setWeeklyHours(ctx, input)),
  addTimeOff: adminProcedure('clinic.manage')
    .input(AddTimeOffInput)
    .mutation(({ ctx, input }) => addTimeOff(ctx, input)),
  removeTimeOff: adminProcedure('clinic.manage')
    .input(TimeOffIdInput)
    .mutation(({ ctx, input }) => removeTimeOff(ctx, input.timeOffId)),
});

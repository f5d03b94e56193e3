import {
  AppointmentIdInput,
  CancelAppointmentInput,
  ListAppointmentsInput,
  MoveAppointmentInput,
} from '@clinicpay/contracts';
import {
  markNoShowFromAdmin,
  markPaidAtClinicFromAdmin,
} from '../../services/appointments/appointment-actions.service.js';
import {
  getAppointment,
  listAppointments,
} from '../../services/appointments/appointments.service.js';
import { moveFromAdmin } from '../../services/appointments/move-appointment.service.js';
import { cancelFromAdmin } from '../../services/cancellation/cancel-by-clinic.service.js';
import { adminProcedure, router } from '../../trpc.js';

export const appointmentsRouter = router({
  list: adminProcedure
    .input(ListAppointmentsInput)
    .query(({ ctx, input }) => listAppointments(ctx, input)),
  get: adminProcedure
    .input(AppointmentIdInput)
    .query(({ ctx, input }) => getAppointment(ctx, input.appointmentId)),
  cancel: adminProcedure
    .input(CancelAppointmentInput)
    .mutation(({ ctx, input }) => cancelFromAdmin(ctx, input)),
  move: adminProcedure
    .input(MoveAppointmentInput)
    .mutation(({ ctx, input }) => moveFromAdmin(ctx, input)),
  markPaidAtClinic: adminProcedure
    .input(AppointmentIdInput)
    .mutation(({ ctx, input }) => markPaidAtClinicFromAdmin(ctx, input.appointmentId)),
  markNoShow: adminProcedure
    .input(AppointmentIdInput)
    .mutation(({ ctx, input }) => markNoShowFromAdmin(ctx, input.appointmentId)),
});

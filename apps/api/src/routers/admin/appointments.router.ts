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
import { assertPermitted } from '../../security/permissions.js';
import { adminProcedure, router } from '../../trpc.js';

export const appointmentsRouter = router({
  list: adminProcedure('appointments.view')
    .input(ListAppointmentsInput)
    .query(({ ctx, input }) => listAppointments(ctx, input)),
  get: adminProcedure('appointments.view')
    .input(AppointmentIdInput)
    .query(({ ctx, input }) => getAppointment(ctx, input.appointmentId)),
  cancel: adminProcedure('appointments.manage')
    .input(CancelAppointmentInput)
    .mutation(({ ctx, input }) => {
      // Cancelling is the front desk's work; giving the money back is a refund like any other.
      if (input.refund) assertPermitted(ctx.admin, 'refunds.issue');
      return cancelFromAdmin(ctx, input);
    }),
  move: adminProcedure('appointments.manage')
    .input(MoveAppointmentInput)
    .mutation(({ ctx, input }) => moveFromAdmin(ctx, input)),
  markPaidAtClinic: adminProcedure('appointments.manage')
    .input(AppointmentIdInput)
    .mutation(({ ctx, input }) => markPaidAtClinicFromAdmin(ctx, input.appointmentId)),
  markNoShow: adminProcedure('appointments.manage')
    .input(AppointmentIdInput)
    .mutation(({ ctx, input }) => markNoShowFromAdmin(ctx, input.appointmentId)),
});

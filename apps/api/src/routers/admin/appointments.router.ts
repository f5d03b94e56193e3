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
import { assertRecentlyConfirmed } from '../../security/reconfirmation.js';
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
      // Cancelling is the front desk's work, with the refund the booking's policy gives; any
      // other refund, or keeping the money, is a Manager's or Owner's decision.
      if (input.refund !== 'policy') assertPermitted(ctx.admin, 'refunds.issue');
      // A refund of the admin's choosing is re-confirmed like any other (transactions.refund).
      if (input.refund === 'full') assertRecentlyConfirmed(ctx);
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

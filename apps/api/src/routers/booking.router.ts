import {
  BookingStatusInput,
  CancelBookingInput,
  CreateBookingInput,
  RescheduleBookingInput,
  ResumeCheckoutInput,
} from '@clinicpay/contracts';
import { getBookingStatus } from '../services/booking/booking-status.service.js';
import { cancelBooking } from '../services/cancellation/cancel-by-patient.service.js';
import { createBooking } from '../services/booking/create-booking.service.js';
import { rescheduleBooking } from '../services/booking/reschedule-booking.service.js';
import { resumeCheckout } from '../services/booking/resume-checkout.service.js';
import { offerBookingChallenge } from '../services/booking/booking-challenge.service.js';
import { publicProcedure, router } from '../trpc.js';

/**
 * The patient's booking: create, read (by reference and token or session id), cancel (unpaid, or
 * confirmed under the clinic's policy), reschedule, and reopen the card form of an unpaid one from its status link.
 */
export const bookingRouter = router({
  create: publicProcedure
    .input(CreateBookingInput)
    .mutation(({ ctx, input }) =>
      createBooking(ctx, input, { clientAddress: ctx.request.ip ?? ctx.ip }),
    ),
  // The proof of work the details step solves before booking, or null while none is needed.
  challenge: publicProcedure.query(({ ctx }) => offerBookingChallenge(ctx)),
  status: publicProcedure
    .input(BookingStatusInput)
    .query(({ ctx, input }) => getBookingStatus(ctx, input)),
  cancel: publicProcedure
    .input(CancelBookingInput)
    .mutation(({ ctx, input }) => cancelBooking(ctx, input)),
  reschedule: publicProcedure
    .input(RescheduleBookingInput)
    .mutation(({ ctx, input }) => rescheduleBooking(ctx, input)),
  // A mutation (POST): the token travels in the body, not in a URL that logs keep, and the answer
  // carries the session's client secret.
  resumeCheckout: publicProcedure
    .input(ResumeCheckoutInput)
    .mutation(({ ctx, input }) => resumeCheckout(ctx, input)),
});

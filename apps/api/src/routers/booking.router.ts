import { BookingStatusInput, CancelBookingInput, CreateBookingInput } from '@clinicpay/contracts';
import { getBookingStatus } from '../services/booking/booking-status.service.js';
import { cancelBooking } from '../services/booking/cancel-booking.service.js';
import { createBooking } from '../services/booking/create-booking.service.js';
import { publicProcedure, router } from '../trpc.js';

/** The patient's booking: create, read (by reference and token or session id), cancel while unpaid. */
export const bookingRouter = router({
  create: publicProcedure.input(CreateBookingInput).mutation(({ ctx, input }) => createBooking(ctx, input)),
  status: publicProcedure.input(BookingStatusInput).query(({ ctx, input }) => getBookingStatus(ctx, input)),
  cancel: publicProcedure.input(CancelBookingInput).mutation(({ ctx, input }) => cancelBooking(ctx, input)),
});

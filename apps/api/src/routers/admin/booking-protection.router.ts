import {
  BulkCancelInput,
  BulkCancelQueryInput,
  SaveBookingProtectionInput,
} from '@clinicpay/contracts';
import { bulkCancel, previewBulkCancel } from '../../services/cancellation/bulk-cancel.service.js';
import {
  readBookingProtection,
  saveBookingProtection,
} from '../../services/clinic/booking-protection.service.js';
import { adminProcedure, confirmedProcedure, router } from '../../trpc.js';

/** The clinic's defences against a flood of bookings, and the clean-up after one. */
export const bookingProtectionRouter = router({
  get: adminProcedure('clinic.view').query(({ ctx }) => readBookingProtection(ctx)),
  save: adminProcedure('clinic.manage')
    .input(SaveBookingProtectionInput)
    .mutation(({ ctx, input }) => saveBookingProtection(ctx, input)),
  // Cancelling in bulk refunds the paid bookings: the refunders' permission.
  previewBulkCancel: adminProcedure('refunds.issue')
    .input(BulkCancelQueryInput)
    .query(({ ctx, input }) => previewBulkCancel(ctx, input)),
  bulkCancel: confirmedProcedure('refunds.issue')
    .input(BulkCancelInput)
    .mutation(({ ctx, input }) => bulkCancel(ctx, input)),
});

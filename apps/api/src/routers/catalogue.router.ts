import { AvailabilityInput, DoctorsForServiceInput } from '@clinicpay/contracts';
import { findAvailability } from '../services/availability/availability.service.js';
import {
  cachedCatalogueReads,
  readPaymentMethods,
} from '../services/catalogue/public-catalogue.service.js';
import { publicProcedure, router } from '../trpc.js';

/**
 * What anyone may read: the clinic and what it offers. Plain GETs of clinic, services and doctors
 * are usually answered before tRPC by http/catalogue-reads.ts, from the same cache.
 */
export const catalogueRouter = router({
  clinic: publicProcedure.query(
    async ({ ctx }) => (await cachedCatalogueReads['catalogue.clinic'](ctx)).data,
  ),
  services: publicProcedure.query(
    async ({ ctx }) => (await cachedCatalogueReads['catalogue.services'](ctx)).data,
  ),
  /** Doctors who offer a service. */
  doctors: publicProcedure
    .input(DoctorsForServiceInput)
    .query(
      async ({ ctx, input }) =>
        (await cachedCatalogueReads['catalogue.doctors'](ctx, input.serviceId)).data,
    ),
  availability: publicProcedure
    .input(AvailabilityInput)
    .query(({ ctx, input }) => findAvailability(ctx, input)),
  paymentMethods: publicProcedure.query(({ ctx }) => readPaymentMethods(ctx)),
});

import { AvailabilityInput } from '@clinicpay/contracts';
import { z } from 'zod';
import { findAvailability } from '../services/availability/availability.service.js';
import {
  listDoctorsForPatients,
  listServicesForPatients,
  readClinic,
  readPaymentMethods,
} from '../services/catalogue/public-catalogue.service.js';
import { publicProcedure, router } from '../trpc.js';

/** What anyone may read: the clinic and what it offers. */
export const catalogueRouter = router({
  clinic: publicProcedure.query(({ ctx }) => readClinic(ctx)),
  services: publicProcedure.query(({ ctx }) => listServicesForPatients(ctx)),
  /** Doctors who offer a service (all active doctors of the clinic's services when none is given). */
  doctors: publicProcedure
    .input(z.object({ serviceId: z.uuid({ message: 'Choose a service from the list.' }) }))
    .query(({ ctx, input }) => listDoctorsForPatients(ctx, input.serviceId)),
  availability: publicProcedure
    .input(AvailabilityInput)
    .query(({ ctx, input }) => findAvailability(ctx, input)),
  paymentMethods: publicProcedure.query(({ ctx }) => readPaymentMethods(ctx)),
});

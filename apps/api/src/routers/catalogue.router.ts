import { AvailabilityInput } from '@clinicpay/contracts';
import { findClinic, findDoctorsForService, listBookableServices } from '@clinicpay/db';
import { z } from 'zod';
import { findAvailability } from '../services/availability/availability.service.js';
import {
  activeStripeKeys,
  isPayAtClinicEnabled,
  loadStripeSettings,
} from '../services/gateways/stripe-settings.js';
import { TRPCError } from '@trpc/server';
import type { Context } from '../context.js';
import { publicProcedure, router } from '../trpc.js';

async function requireClinic(ctx: Context) {
  const clinic = await findClinic(ctx.db);
  if (!clinic) {
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: 'No clinic is set up yet. An administrator needs to run the setup (cli seed) first.',
    });
  }
  return clinic;
}

/** What anyone may read: the clinic and what it offers. */
export const catalogueRouter = router({
  clinic: publicProcedure.query(async ({ ctx }) => {
    const clinic = await requireClinic(ctx);
    return {
      id: clinic.id,
      name: clinic.name,
      timeZone: clinic.time_zone,
      currency: clinic.currency,
      address: clinic.address,
    };
  }),

  services: publicProcedure.query(async ({ ctx }) => {
    const clinic = await requireClinic(ctx);
    const services = await listBookableServices(ctx.db, clinic.id);
    return services.map((service) => ({
      id: service.id,
      name: service.name,
      durationMinutes: service.duration_minutes,
      price: { amount: service.price_amount, currency: service.price_currency },
    }));
  }),

  /** Doctors who offer a service (all active doctors of the clinic's services when none is given). */
  doctors: publicProcedure
    .input(z.object({ serviceId: z.uuid({ message: 'Choose a service from the list.' }) }))
    .query(async ({ ctx, input }) => {
      const doctors = await findDoctorsForService(ctx.db, input.serviceId);
      return doctors.map((d) => ({ id: d.id, name: d.name, specialty: d.specialty }));
    }),

  availability: publicProcedure
    .input(AvailabilityInput)
    .query(({ ctx, input }) => findAvailability(ctx, input)),

  /**
   * How patients can pay: card through Stripe when it is on and has keys for its mode, with the
   * publishable key and where Stripe.js comes from (configuration, never guessed from keys).
   */
  paymentMethods: publicProcedure.query(async ({ ctx }) => {
    const clinic = await requireClinic(ctx);
    const [settings, payAtClinic] = await Promise.all([
      loadStripeSettings(ctx, clinic.id),
      isPayAtClinicEnabled(ctx.db, clinic.id),
    ]);
    const keys = activeStripeKeys(settings);
    return {
      stripe: keys
        ? {
            publishableKey: keys.publishableKey,
            stripeJsUrl: ctx.config.stripeJsUrl ?? null,
            currency: settings!.currency,
            mode: settings!.mode,
          }
        : null,
      payAtClinic,
    };
  }),
});

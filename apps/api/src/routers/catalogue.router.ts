import { findClinic, listBookableServices } from '@clinicpay/db';
import { TRPCError } from '@trpc/server';
import type { Context } from '../trpc.js';
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
});

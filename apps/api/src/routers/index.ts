import { router } from '../trpc.js';
import { bookingRouter } from './booking.router.js';
import { catalogueRouter } from './catalogue.router.js';

export const appRouter = router({
  catalogue: catalogueRouter,
  booking: bookingRouter,
});

export type AppRouter = typeof appRouter;

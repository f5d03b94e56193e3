import { router } from '../trpc.js';
import { bookingRouter } from './booking.router.js';
import { catalogueRouter } from './catalogue.router.js';
import { adminRouter } from './admin/index.js';

export const appRouter = router({
  catalogue: catalogueRouter,
  booking: bookingRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;

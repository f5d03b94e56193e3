import { router } from '../trpc.js';
import { catalogueRouter } from './catalogue.router.js';

export const appRouter = router({
  catalogue: catalogueRouter,
});

export type AppRouter = typeof appRouter;

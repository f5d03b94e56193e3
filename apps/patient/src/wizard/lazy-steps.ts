import { lazy } from 'react';

// Every step after the first is its own chunk, fetched while the patient reads the step before
// (prefetchSteps), so the first screen downloads only what it shows.
const loaders = {
  doctor: () => import('../steps/doctor-step.js').then((m) => ({ default: m.DoctorStep })),
  time: () => import('../steps/time-step.js').then((m) => ({ default: m.TimeStep })),
  details: () => import('../steps/details-step.js').then((m) => ({ default: m.DetailsStep })),
  payment: () => import('../steps/payment-step.js').then((m) => ({ default: m.PaymentStep })),
};

export const DoctorStep = lazy(loaders.doctor);
export const TimeStep = lazy(loaders.time);
export const DetailsStep = lazy(loaders.details);
export const PaymentStep = lazy(loaders.payment);

let prefetched = false;
/** Fetches the later steps' code once the browser is idle; a failure here is retried on use. */
export function prefetchSteps(): void {
  if (prefetched) return;
  prefetched = true;
  const run = () => {
    for (const load of Object.values(loaders)) load().catch(() => undefined);
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}

import { preloadable } from '../components/preloadable.js';

// Every step after the first is its own chunk, fetched while the patient reads the first step
// (prefetchSteps), so the first screen downloads only what it shows.
export const DoctorStep = preloadable(() =>
  import('../steps/doctor-step.js').then((m) => m.DoctorStep),
);
export const TimeStep = preloadable(() => import('../steps/time-step.js').then((m) => m.TimeStep));
export const DetailsStep = preloadable(() =>
  import('../steps/details-step.js').then((m) => m.DetailsStep),
);
export const PaymentStep = preloadable(() =>
  import('../steps/payment-step.js').then((m) => m.PaymentStep),
);

let prefetched = false;
/**
 * Fetches the later steps' code once the browser is idle; call it when the first step can be
 * used. A failure here is retried on use.
 */
export function prefetchSteps(): void {
  if (prefetched) return;
  prefetched = true;
  const run = () => {
    for (const step of [DoctorStep, TimeStep, DetailsStep, PaymentStep])
      step.preload().catch(() => undefined);
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}

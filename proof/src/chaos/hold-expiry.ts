// Holds whose checkout session was never attached (the API died between the hold and Stripe's
// answer) cannot be reconciled with Stripe: they end when the hold does. This proves they do, by
// sweeping once with the clock moved past the hold, instead of waiting 35 minutes.
import { loadConfig, openRuntime, sweepOnce } from '@clinicpay/api/runtime';
import { PROOF_APP_SECRET } from '../support/api-replica.js';

export async function sweepPastHolds(
  databaseUrl: string,
  stripeApiUrl: string,
  holdMinutes: number,
): Promise<number> {
  const later = () => new Date(Date.now() + (holdMinutes + 1) * 60_000);
  const runtime = await openRuntime(
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      APP_SECRET: PROOF_APP_SECRET,
      STRIPE_API_URL: stripeApiUrl,
      LOG_LEVEL: 'silent',
    }),
    { clock: { now: later } },
  );
  try {
    const result = await sweepOnce(runtime, { reconcileAfterMs: 0, exclusive: true });
    return result.holdsReleased;
  } finally {
    await runtime.close();
  }
}

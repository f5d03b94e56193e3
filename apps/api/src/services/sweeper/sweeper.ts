import { withExclusiveLock } from '@clinicpay/db';
import type { AppDeps } from '../../deps.js';
import { repeatEvery } from '../../repeat-every.js';
import { loadStripeSettings } from '../gateways/stripe-settings.js';
import { alertOnSignatureFailures } from '../mail/clinic-alerts.js';
import { sendPendingRefunds } from '../refunds/pending-refunds.js';
import { forgetOldClientAddresses } from './client-addresses.js';
import { sweepLapsedHolds } from './lapsed-holds.js';
import { reconcilePendingPayments } from './reconcile-payments.js';
import { processUnprocessedEvents } from './unprocessed-events.js';

// One sweeper at a time across all API replicas: a session-level advisory lock on a reserved
// connection (no transaction is held while Stripe is called).
const SWEEPER_LOCK_KEY = 7_245_311_052_118_101n;

export interface SweepResult {
  ran: boolean;
  holdsReleased: number;
  paymentsReconciled: number;
  eventsProcessed: number;
  refundsSent: number;
  /** Stripe answered 429 recently: the jobs that ask it waited. */
  stripeBackedOff: boolean;
}

export interface SweeperOptions {
  /** Card payments pending this long are checked with Stripe. */
  reconcileAfterMs: number;
  /** PostgreSQL: take the replicas' lock. PGlite has one process and one connection: no lock. */
  exclusive: boolean;
}

export async function sweepOnce(deps: AppDeps, options: SweeperOptions): Promise<SweepResult> {
  if (!options.exclusive) return runJobs(deps, options);
  const run = await withExclusiveLock(deps.db, SWEEPER_LOCK_KEY, () => runJobs(deps, options));
  if (run.locked) return run.result;
  return {
    ran: false,
    holdsReleased: 0,
    paymentsReconciled: 0,
    eventsProcessed: 0,
    refundsSent: 0,
    stripeBackedOff: false,
  };
}

async function runJobs(deps: AppDeps, options: SweeperOptions): Promise<SweepResult> {
  const settings = await loadStripeSettings(deps);
  // Events first: a stored success must win over an expiry decided from a stale view.
  const eventsProcessed = await processUnprocessedEvents(deps, settings);
  // After a 429 the jobs that ask Stripe wait their turn (stripe-backoff.ts); a batch that meets
  // one stops there. Nothing is lost: what is left is picked up by a later sweep.
  const stripeFree = () => deps.stripeBackoff.remainingMs() === 0;
  const paymentsReconciled = stripeFree()
    ? await reconcilePendingPayments(deps, settings, options.reconcileAfterMs)
    : 0;
  const holdsReleased = stripeFree() ? await sweepLapsedHolds(deps, settings) : 0;
  const refundsSent = stripeFree() ? await sendPendingRefunds(deps) : 0;
  await alertOnSignatureFailures(deps);
  await forgetOldClientAddresses(deps);
  return {
    ran: true,
    holdsReleased,
    paymentsReconciled,
    eventsProcessed,
    refundsSent,
    stripeBackedOff: !stripeFree(),
  };
}

/** Sweeps on an interval until stopped; a failed sweep is logged and the next one tries again. */
export function startSweeper(
  deps: AppDeps,
  options: SweeperOptions & { intervalMs: number },
): { stop(): Promise<void> } {
  return repeatEvery(
    options.intervalMs,
    () => sweepOnce(deps, options),
    (error) => deps.logger.error({ err: error }, 'sweep failed'),
  );
}

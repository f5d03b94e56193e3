import { findSignatureFailures, type GatewayMode } from '@clinicpay/db';
import type { AppDeps } from '../../deps.js';
import { queueClinicNotice } from './queue-mail.js';

/** Refused webhook deliveries in an hour before the clinic is told (a few are scanners' noise). */
export const SIGNATURE_FAILURE_ALERT = 20;
const HOUR = 3600_000;

/**
 * Webhook deliveries refused for their signature, piling up: the signing secret in the admin no
 * longer matches the endpoint's (rolled at Stripe?), or someone is forging events. One notice per
 * clock hour at most, from whichever replica's sweep sees it first.
 */
export async function alertOnSignatureFailures(deps: AppDeps): Promise<boolean> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - HOUR);
  const { count, recent } = await findSignatureFailures(deps.db, { limit: 1, since });
  if (count < SIGNATURE_FAILURE_ALERT) return false;
  return queueClinicNotice(
    deps.db,
    {
      factKey: `alert:webhook_signature_failures:${now.toISOString().slice(0, 13)}`,
      kind: 'clinic_alert',
      details: {
        alert: 'webhook_signature_failures',
        count,
        since: since.toISOString(),
        detail: `The last one was refused because: ${recent[0]?.reason ?? 'unknown'}. If you rolled the signing secret at Stripe, paste the new one in Payment Settings › Stripe.`,
      },
    },
    now,
  );
}

/**
 * Stripe refused the saved key: card payments stop being offered until it is fixed. The clinic is
 * told once a day per mode while it lasts.
 */
export async function alertOnStripeRefusal(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  refusal: { mode: GatewayMode; call: string; message: string },
): Promise<void> {
  const now = deps.clock.now();
  await queueClinicNotice(
    deps.db,
    {
      factKey: `alert:stripe_refusals:${refusal.mode}:${now.toISOString().slice(0, 10)}`,
      kind: 'clinic_alert',
      details: {
        alert: 'stripe_refusals',
        count: 1,
        since: now.toISOString(),
        detail: `Stripe refused the saved ${refusal.mode === 'live' ? 'Live' : 'Sandbox'} Secret API Key (${refusal.call}): ${refusal.message}`,
      },
    },
    now,
  );
}

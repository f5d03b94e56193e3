import { maskSecret } from '@clinicpay/contracts';
import {
  findGatewaySettingsRows,
  findLastStripeEvent,
  findSignatureFailures,
  type GatewayMode,
} from '@clinicpay/db';
import { HANDLED_STRIPE_EVENTS, STRIPE_API_VERSION } from '@clinicpay/payments';
import { stripeSecretPurpose } from '../../security/secret-purposes.js';
import type { AppDeps } from '../../deps.js';
import { requireClinic } from '../clinic/require-clinic.js';

type StripeRow = Awaited<ReturnType<typeof findGatewaySettingsRows>>[number];

/** Live mode needs https: Stripe delivers live events only to https endpoints. */
export function liveModeRefusal(publicUrl: string): string | null {
  if (publicUrl.startsWith('https://')) return null;
  return `Live mode needs the clinic's address to use https, but it is ${publicUrl}. Stripe sends live events only to https addresses and card details must never travel unencrypted. Set PUBLIC_URL to the https address and restart the API.`;
}

/**
 * The Stripe settings page: publishable keys in full (they are public), secrets only masked, both
 * modes' key sets, where Stripe should send events, and whether events are arriving.
 */
export async function readStripeSettingsForAdmin(ctx: AppDeps) {
  const clinic = await requireClinic(ctx.db);
  const rows = await findGatewaySettingsRows(ctx.db, clinic.id);
  const row = rows.find((r) => r.gateway === 'stripe');
  const now = ctx.clock.now();
  const [lastTest, lastLive, failures] = await Promise.all([
    findLastStripeEvent(ctx.db, false),
    findLastStripeEvent(ctx.db, true),
    findSignatureFailures(ctx.db, { limit: 10, since: new Date(now.getTime() - 86_400_000) }),
  ]);
  const refusal = liveModeRefusal(ctx.config.publicUrl);
  return {
    enabled: row?.enabled ?? false,
    mode: row?.mode ?? ('test' as const),
    currency: row?.currency ?? clinic.currency,
    failurePolicy: row?.failure_policy ?? ('cancel' as const),
    keys: { test: keySet(ctx, row, 'test'), live: keySet(ctx, row, 'live') },
    /** Stripe's last refusal of each mode's saved key (rolled, revoked, a right taken away). */
    refusals: { test: refusalView(row, 'test'), live: refusalView(row, 'live') },
    webhookUrl: `${ctx.config.publicUrl}/webhooks/stripe`,
    /** What to select for the endpoint in Stripe's Dashboard: every event Clinicpay acts on. */
    webhookEvents: [...HANDLED_STRIPE_EVENTS],
    /** The API version Clinicpay reads events at: the endpoint should send this one. */
    apiVersion: STRIPE_API_VERSION,
    liveMode: { allowed: refusal === null, reason: refusal },
    lastEvent: { test: lastEventView(lastTest), live: lastEventView(lastLive) },
    signatureFailures: {
      last24Hours: failures.count,
      recent: failures.recent.map((f) => ({
        mode: f.mode,
        reason: f.reason,
        remoteAddress: f.remote_address,
        receivedAt: f.received_at.toISOString(),
      })),
    },
    updatedAt: row?.updated_at.toISOString() ?? null,
    updatedBy: row?.updated_by ?? null,
  };
}

function keySet(ctx: AppDeps, row: StripeRow | undefined, mode: GatewayMode) {
  const masked = (value: string | null | undefined, field: 'secret_key' | 'webhook_secret') =>
    value ? maskSecret(ctx.secretBox.decrypt(value, stripeSecretPurpose(mode, field))) : null;
  return {
    publishableKey: row?.[`${mode}_publishable_key`] ?? null,
    secretKey: masked(row?.[`${mode}_secret_key_encrypted`], 'secret_key'),
    webhookSigningSecret: masked(row?.[`${mode}_webhook_secret_encrypted`], 'webhook_secret'),
  };
}

function lastEventView(event: Awaited<ReturnType<typeof findLastStripeEvent>>) {
  if (!event) return null;
  return {
    id: event.stripe_event_id,
    type: event.type,
    apiVersion: event.api_version,
    receivedAt: event.received_at.toISOString(),
    processedAt: event.processed_at?.toISOString() ?? null,
    outcome: event.outcome,
    error: event.error,
  };
}

function refusalView(row: StripeRow | undefined, mode: GatewayMode) {
  const reason = row?.[`${mode}_refusal`];
  const at = row?.[`${mode}_refused_at`];
  return reason && at ? { reason, at: at.toISOString() } : null;
}

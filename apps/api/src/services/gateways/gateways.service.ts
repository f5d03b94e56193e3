import { GATEWAY_LABELS, type SetGatewayEnabledInput } from '@clinicpay/contracts';
import { findGatewaySettingsRows, setGatewayEnabled } from '@clinicpay/db';
import { AppError } from '../../errors/app-error.js';
import { stripeSecretPurpose } from '../../security/secret-purposes.js';
import type { AdminDeps, AppDeps } from '../../deps.js';
import { audit } from '../audit/record-audit.js';
import { requireClinic } from '../clinic/require-clinic.js';
import { checkSecretKeyWithStripe } from './stripe-key-check.js';
import { liveModeRefusal } from './stripe-settings-read.service.js';
import { forgetStripeSettings } from './stripe-settings-cache.js';

/** The gateways list: each with its switch, and for Stripe whether its active mode has keys. */
export async function listGateways(ctx: AppDeps) {
  const clinic = await requireClinic(ctx.db);
  const rows = await findGatewaySettingsRows(ctx.db, clinic.id);
  const stripe = rows.find((r) => r.gateway === 'stripe');
  const payAtClinic = rows.find((r) => r.gateway === 'pay_at_clinic');
  const mode = stripe?.mode ?? 'test';
  return [
    {
      gateway: 'stripe' as const,
      label: GATEWAY_LABELS.stripe,
      enabled: stripe?.enabled ?? false,
      mode,
      configured: !!stripe && hasKeySet(stripe, mode),
      /** Stripe's last refusal of the active mode's key, until a save or the same call working. */
      refusal: stripe?.[`${mode}_refusal`] ?? null,
    },
    {
      gateway: 'pay_at_clinic' as const,
      label: GATEWAY_LABELS.pay_at_clinic,
      enabled: payAtClinic?.enabled ?? false,
      mode: null,
      configured: true,
      refusal: null,
    },
  ];
}

type Row = Awaited<ReturnType<typeof findGatewaySettingsRows>>[number];

function hasKeySet(row: Row, mode: 'test' | 'live'): boolean {
  return !!(
    row[`${mode}_publishable_key`] &&
    row[`${mode}_secret_key_encrypted`] &&
    row[`${mode}_webhook_secret_encrypted`]
  );
}

/** The switch. Turning Stripe on needs a working key set for its mode (checked with Stripe). */
export async function setGateway(ctx: AdminDeps, input: SetGatewayEnabledInput) {
  const clinic = await requireClinic(ctx.db);
  if (input.gateway === 'stripe' && input.enabled) {
    const stripe = (await findGatewaySettingsRows(ctx.db, clinic.id)).find(
      (r) => r.gateway === 'stripe',
    );
    if (!stripe?.mode || !hasKeySet(stripe, stripe.mode)) {
      throw new AppError(
        'settings_invalid',
        'Stripe needs its keys and webhook signing secret first: open Stripe settings, enter them and save.',
      );
    }
    const refusal = stripe.mode === 'live' ? liveModeRefusal(ctx.config.publicUrl) : null;
    if (refusal) throw new AppError('settings_invalid', refusal);
    const secret = ctx.secretBox.decrypt(
      stripe[`${stripe.mode}_secret_key_encrypted`]!,
      stripeSecretPurpose(stripe.mode, 'secret_key'),
    );
    await checkSecretKeyWithStripe(ctx, secret);
  }
  await setGatewayEnabled(ctx.db, clinic.id, {
    ...input,
    updatedBy: ctx.admin.actor,
    at: ctx.clock.now(),
  });
  forgetStripeSettings(ctx.db);
  await audit(
    ctx,
    ctx.admin,
    input.enabled ? 'gateway.enabled' : 'gateway.disabled',
    `gateway:${input.gateway}`,
  );
  return listGateways(ctx);
}

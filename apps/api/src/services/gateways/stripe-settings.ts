import { findStripeSettingsRow, type Database, type GatewayMode, type Kysely } from '@clinicpay/db';
import type { SecretBox } from '../../security/secret-box.js';
import { stripeSecretPurpose } from '../../security/secret-purposes.js';

export interface StripeModeKeys {
  publishableKey: string | null;
  secretKey: string | null;
  webhookSecret: string | null;
}

export interface StripeSettings {
  clinicId: string;
  enabled: boolean;
  mode: GatewayMode;
  currency: string;
  failurePolicy: 'cancel' | 'retry';
  keys: Record<GatewayMode, StripeModeKeys>;
  /** Stripe's last refusal of each mode's saved key; null when it last accepted it. */
  refusals: Record<GatewayMode, StripeRefusal | null>;
}

export interface StripeRefusal {
  message: string;
  at: Date;
  /** The gateway call Stripe refused (`createCheckoutSession`, `refund`, …). */
  call: string;
}

/**
 * The Stripe gateway's settings with its secrets decrypted, for server-side use only: of the given
 * clinic, or of this deployment's clinic (the oldest, as findClinic) in the same query.
 */
export async function loadStripeSettings(
  deps: { db: Kysely<Database>; secretBox: SecretBox },
  clinicId?: string,
): Promise<StripeSettings | null> {
  const row = await findStripeSettingsRow(deps.db, clinicId);
  if (!row || !row.mode || !row.currency || !row.failure_policy) return null;
  const decrypt = (
    value: string | null,
    mode: GatewayMode,
    field: 'secret_key' | 'webhook_secret',
  ) => (value ? deps.secretBox.decrypt(value, stripeSecretPurpose(mode, field)) : null);
  return {
    clinicId: row.clinic_id,
    enabled: row.enabled,
    mode: row.mode,
    currency: row.currency,
    failurePolicy: row.failure_policy,
    keys: {
      test: {
        publishableKey: row.test_publishable_key,
        secretKey: decrypt(row.test_secret_key_encrypted, 'test', 'secret_key'),
        webhookSecret: decrypt(row.test_webhook_secret_encrypted, 'test', 'webhook_secret'),
      },
      live: {
        publishableKey: row.live_publishable_key,
        secretKey: decrypt(row.live_secret_key_encrypted, 'live', 'secret_key'),
        webhookSecret: decrypt(row.live_webhook_secret_encrypted, 'live', 'webhook_secret'),
      },
    },
    refusals: {
      test: refusalOf(row.test_refusal, row.test_refused_at, row.test_refused_call),
      live: refusalOf(row.live_refusal, row.live_refused_at, row.live_refused_call),
    },
  };
}

function refusalOf(
  message: string | null,
  at: Date | null,
  call: string | null,
): StripeRefusal | null {
  return message && at ? { message, at, call: call ?? '' } : null;
}

/**
 * Stripe takes card payments only when switched on and the active mode has both keys. A key Stripe
 * has since refused still counts here (a booking then says why); patients are not offered card
 * payment meanwhile (`cardOffered`).
 */
export function activeStripeKeys(
  settings: StripeSettings | null,
): { publishableKey: string; secretKey: string } | null {
  if (!settings?.enabled) return null;
  const { publishableKey, secretKey } = settings.keys[settings.mode];
  return publishableKey && secretKey ? { publishableKey, secretKey } : null;
}

/** Card payment is offered to patients: keys for the active mode that Stripe last accepted. */
export function cardOffered(settings: StripeSettings | null): boolean {
  return activeStripeKeys(settings) !== null && settings!.refusals[settings!.mode] === null;
}

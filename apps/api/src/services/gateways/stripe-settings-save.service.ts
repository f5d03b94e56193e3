import {
  NOTHING_STORED,
  validateStripeSettings,
  type SaveStripeSettingsInput,
  type StoredStripeSettings,
} from '@clinicpay/contracts';
import {
  findGatewaySettingsRows,
  setClinicCurrency,
  upsertStripeSettings,
  type JsonObject,
} from '@clinicpay/db';
import { AppError, type FieldError } from '../../errors/app-error.js';
import { stripeSecretPurpose } from '../../security/secret-purposes.js';
import { forgetStripeSettings } from './stripe-settings-cache.js';
import type { AdminDeps } from '../../deps.js';
import { currencyLockProblems } from '../clinic/currency-lock.js';
import { audit } from '../audit/record-audit.js';
import { requireClinic } from '../clinic/require-clinic.js';
import { currencyRuleProblems } from './currency-rule.js';
import { checkSecretKeyWithStripe } from './stripe-key-check.js';
import { liveModeRefusal, readStripeSettingsForAdmin } from './stripe-settings-read.service.js';

/**
 * Saves the Stripe settings: the contracts rules, Live only over https, the currency rule, then a
 * check of the secret key with Stripe; only then the write (secrets encrypted, blanks keeping what
 * is stored, the other mode's keys untouched) and an audit entry that never holds a secret.
 */
export async function saveStripeSettings(ctx: AdminDeps, input: SaveStripeSettingsInput) {
  const clinic = await requireClinic(ctx.db);
  const row = (await findGatewaySettingsRows(ctx.db, clinic.id)).find(
    (r) => r.gateway === 'stripe',
  );
  const stored: StoredStripeSettings = row
    ? {
        test: {
          hasSecretKey: !!row.test_secret_key_encrypted,
          hasWebhookSecret: !!row.test_webhook_secret_encrypted,
          publishableKey: row.test_publishable_key,
        },
        live: {
          hasSecretKey: !!row.live_secret_key_encrypted,
          hasWebhookSecret: !!row.live_webhook_secret_encrypted,
          publishableKey: row.live_publishable_key,
        },
      }
    : NOTHING_STORED;

  const problems: FieldError[] = validateStripeSettings(input, stored).map((p) => ({
    path: p.field,
    message: p.message,
  }));
  const liveRefused = input.mode === 'live' ? liveModeRefusal(ctx.config.publicUrl) : null;
  if (liveRefused) problems.push({ path: 'mode', message: liveRefused });
  // A currency fixed by recorded payments says so first; the rule's details would not help.
  const locked = await currencyLockProblems(ctx.db, clinic.currency, input.currency);
  problems.push(
    ...(locked.length ? locked : await currencyRuleProblems(ctx.db, clinic.id, input.currency)),
  );
  if (problems.length > 0) throw invalid(problems);

  const { mode } = input;
  const storedSecret = row?.[`${mode}_secret_key_encrypted`];
  const secretKey =
    input.secretKey ??
    (storedSecret
      ? ctx.secretBox.decrypt(storedSecret, stripeSecretPurpose(mode, 'secret_key'))
      : null);
  // A new key is always checked; a kept one when Stripe is to take payments with it.
  if (secretKey && (input.secretKey !== undefined || input.enabled))
    await checkSecretKeyWithStripe(ctx, secretKey);

  const currency = input.currency.toUpperCase();
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await upsertStripeSettings(trx, clinic.id, {
      enabled: input.enabled,
      mode,
      currency,
      failurePolicy: input.failurePolicy,
      keys: {
        mode,
        ...(input.publishableKey !== undefined ? { publishableKey: input.publishableKey } : {}),
        ...(input.secretKey !== undefined
          ? {
              secretKeyEncrypted: ctx.secretBox.encrypt(
                input.secretKey,
                stripeSecretPurpose(mode, 'secret_key'),
              ),
            }
          : {}),
        ...(input.webhookSigningSecret !== undefined
          ? {
              webhookSecretEncrypted: ctx.secretBox.encrypt(
                input.webhookSigningSecret,
                stripeSecretPurpose(mode, 'webhook_secret'),
              ),
            }
          : {}),
      },
      updatedBy: ctx.admin.actor,
      at,
    });
    // One currency for the clinic: its profile shows what Stripe charges in.
    await setClinicCurrency(trx, clinic.id, currency, at);
  });
  forgetStripeSettings(ctx.db);
  await audit(
    ctx,
    ctx.admin,
    'stripe_settings.saved',
    'gateway:stripe',
    changesOf(row, input, currency),
  );
  return readStripeSettingsForAdmin(ctx);
}

function invalid(problems: FieldError[]): AppError {
  const message =
    problems.length === 1
      ? problems[0]!.message
      : `Check ${problems.length} fields: ${problems.map((p) => p.message).join(' ')}`;
  return new AppError('settings_invalid', message, { fieldErrors: problems });
}

type Row = Awaited<ReturnType<typeof findGatewaySettingsRows>>[number] | undefined;

/** Before → after of each plain setting; keys as "replaced" (publishable ones are public). */
function changesOf(row: Row, input: SaveStripeSettingsInput, currency: string): JsonObject {
  const changes: JsonObject = {};
  const plain: [string, string | boolean | null, string | boolean][] = [
    ['enabled', row?.enabled ?? null, input.enabled],
    ['mode', row?.mode ?? null, input.mode],
    ['currency', row?.currency ?? null, currency],
    ['failurePolicy', row?.failure_policy ?? null, input.failurePolicy],
  ];
  for (const [name, before, after] of plain)
    if (before !== after) changes[name] = { from: before, to: after };
  const { mode } = input;
  if (
    input.publishableKey !== undefined &&
    input.publishableKey !== row?.[`${mode}_publishable_key`]
  ) {
    changes[`${mode}.publishableKey`] = {
      from: row?.[`${mode}_publishable_key`] ?? null,
      to: input.publishableKey,
    };
  }
  if (input.secretKey !== undefined) changes[`${mode}.secretKey`] = 'replaced';
  if (input.webhookSigningSecret !== undefined)
    changes[`${mode}.webhookSigningSecret`] = 'replaced';
  return { changes };
}

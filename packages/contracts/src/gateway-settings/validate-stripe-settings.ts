import { isSupportedCurrency } from '../money';
import { stripeKeyShape, type StripeKeyShape } from './key-format';
import type { StripeMode } from './labels';
import * as say from './messages';
import type { StripeSettingsProblem } from './problems';
import type { SaveStripeSettingsInput } from './save-stripe-settings-input';

/** What is already saved for one mode. Secrets are write-only: only whether they exist. */
export interface StoredStripeModeSettings {
  readonly hasSecretKey: boolean;
  readonly hasWebhookSecret: boolean;
  /** Publishable keys are public (they go to every patient's browser), so stored in the clear. */
  readonly publishableKey: string | null;
}

export type StoredStripeSettings = Readonly<Record<StripeMode, StoredStripeModeSettings>>;

export const NOTHING_STORED: StoredStripeSettings = {
  test: { hasSecretKey: false, hasWebhookSecret: false, publishableKey: null },
  live: { hasSecretKey: false, hasWebhookSecret: false, publishableKey: null },
};

type Problems = StripeSettingsProblem[];

/**
 * The settings rules, offline: key kinds and modes, what must exist before Stripe can be enabled,
 * the currency. Returns every problem at once (an empty list means the save may go on to the
 * online key check). Credentials left blank are the stored ones and are not re-checked.
 */
export function validateStripeSettings(
  input: SaveStripeSettingsInput,
  stored: StoredStripeSettings,
): StripeSettingsProblem[] {
  const problems: Problems = [];
  const { mode } = input;
  const secret = input.secretKey === undefined ? undefined : stripeKeyShape(input.secretKey);
  const publishable =
    input.publishableKey === undefined ? undefined : stripeKeyShape(input.publishableKey);

  if (bothForOtherMode(secret, publishable, mode) && secret) {
    problems.push({
      code: 'keys_for_other_mode',
      field: 'mode',
      message: say.keysForOtherModeMessage(secret, mode),
    });
  } else {
    if (secret !== undefined) checkSecretKey(secret, mode, problems);
    if (publishable !== undefined) checkPublishableKey(publishable, mode, problems);
  }
  if (input.webhookSigningSecret !== undefined)
    checkWebhookSecret(stripeKeyShape(input.webhookSigningSecret), problems);
  if (input.enabled) checkRequired(input, stored[mode], problems);
  if (!isSupportedCurrency(input.currency)) {
    problems.push({
      code: 'currency_unsupported',
      field: 'currency',
      message: say.currencyUnsupportedMessage(input.currency),
    });
  }
  return problems;
}

/** Both keys fine but for the other mode: the Mode switch is the likely mistake, say it once. */
function bothForOtherMode(
  secret: StripeKeyShape | null | undefined,
  publishable: StripeKeyShape | null | undefined,
  mode: StripeMode,
): boolean {
  return (
    !!secret &&
    !!publishable &&
    (secret.kind === 'secret' || secret.kind === 'restricted') &&
    secret.wellFormed &&
    publishable.kind === 'publishable' &&
    publishable.wellFormed &&
    secret.mode !== mode &&
    publishable.mode !== mode
  );
}

function checkSecretKey(shape: StripeKeyShape | null, mode: StripeMode, problems: Problems): void {
  if (!shape || (shape.kind !== 'secret' && shape.kind !== 'restricted') || !shape.wellFormed) {
    problems.push({
      code: 'secret_key_format',
      field: 'secretKey',
      message: say.secretKeyFormatMessage(shape, mode),
    });
  } else if (shape.mode !== mode) {
    problems.push({
      code: 'secret_key_wrong_mode',
      field: 'secretKey',
      message: say.secretKeyWrongModeMessage(shape, mode),
    });
  }
}

function checkPublishableKey(
  shape: StripeKeyShape | null,
  mode: StripeMode,
  problems: Problems,
): void {
  if (!shape || shape.kind !== 'publishable' || !shape.wellFormed) {
    problems.push({
      code: 'publishable_key_format',
      field: 'publishableKey',
      message: say.publishableKeyFormatMessage(shape, mode),
    });
  } else if (shape.mode !== mode) {
    problems.push({
      code: 'publishable_key_wrong_mode',
      field: 'publishableKey',
      message: say.publishableKeyWrongModeMessage(mode),
    });
  }
}

function checkWebhookSecret(shape: StripeKeyShape | null, problems: Problems): void {
  if (!shape || shape.kind !== 'webhook_signing_secret' || !shape.wellFormed) {
    problems.push({
      code: 'webhook_signing_secret_format',
      field: 'webhookSigningSecret',
      message: say.webhookSecretFormatMessage(shape),
    });
  }
}

/** Enabled Stripe needs the selected mode's full key set, given now or saved before. */
function checkRequired(
  input: SaveStripeSettingsInput,
  stored: StoredStripeModeSettings,
  problems: Problems,
): void {
  const { mode } = input;
  if (input.secretKey === undefined && !stored.hasSecretKey) {
    problems.push({
      code: 'secret_key_required',
      field: 'secretKey',
      message: say.secretKeyRequiredMessage(mode),
    });
  }
  if (input.publishableKey === undefined && !stored.publishableKey) {
    problems.push({
      code: 'publishable_key_required',
      field: 'publishableKey',
      message: say.publishableKeyRequiredMessage(mode),
    });
  }
  if (input.webhookSigningSecret === undefined && !stored.hasWebhookSecret) {
    problems.push({
      code: 'webhook_signing_secret_required',
      field: 'webhookSigningSecret',
      message: say.webhookSecretRequiredMessage(mode),
    });
  }
}

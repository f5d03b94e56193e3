/**
 * The sentences for each settings problem. Each says what is wrong and what to do, names fields
 * by their on-screen labels, and shows a pasted credential only as its prefix (`sk_live_…`).
 */
import { type StripeKeyShape } from './key-format';
import {
  STRIPE_MODE_LABELS as MODES,
  STRIPE_SETTINGS_LABELS as L,
  type StripeMode,
} from './labels';

const DASHBOARD_KEYS = "Stripe's Dashboard (Developers > API keys)";
const DASHBOARD_WEBHOOKS = "Stripe's Dashboard (Developers > Webhooks)";

const other = (mode: StripeMode): StripeMode => (mode === 'test' ? 'live' : 'test');
const word = (mode: StripeMode): string => (mode === 'test' ? 'test' : 'live');

function secretPrefixes(mode: StripeMode): string {
  return `sk_${mode}_ (or a restricted key, rk_${mode}_)`;
}

/** Names what was pasted when it is some other kind of credential than the field wants. */
function pastedElsewhere(shape: StripeKeyShape): string | null {
  const seen = `${shape.prefix}…`;
  switch (shape.kind) {
    case 'publishable':
      return `This is a publishable key (${seen}); paste it in ${L.publishableKey}.`;
    case 'secret':
    case 'restricted':
      return `This is a secret key (${seen}); paste it in ${L.secretKey}, never here.`;
    case 'webhook_signing_secret':
      return `This is a webhook signing secret (${seen}); paste it in ${L.webhookSigningSecret}.`;
  }
}

export function secretKeyRequiredMessage(mode: StripeMode): string {
  return `Enter the ${L.secretKey} for ${MODES[mode]}: the key starting with ${secretPrefixes(mode)} from ${DASHBOARD_KEYS}, or turn off ${L.enabled}.`;
}

export function secretKeyFormatMessage(shape: StripeKeyShape | null, mode: StripeMode): string {
  const want = `The ${L.secretKey} starts with ${secretPrefixes(mode)}.`;
  if (shape && shape.kind !== 'secret' && shape.kind !== 'restricted') {
    return `${pastedElsewhere(shape)} ${want}`;
  }
  if (shape)
    return `This ${shape.prefix}… key looks cut short or contains characters Stripe keys never have. Copy it again from ${DASHBOARD_KEYS}.`;
  return `This is not a Stripe secret key. ${want} Copy it from ${DASHBOARD_KEYS}.`;
}

export function secretKeyWrongModeMessage(shape: StripeKeyShape, mode: StripeMode): string {
  const keyMode = other(mode);
  return `This is a ${word(keyMode)} key (${shape.prefix}…) but ${L.mode} is ${MODES[mode]}. Use a key starting with sk_${mode}_${shape.kind === 'restricted' ? ` or rk_${mode}_` : ''}, or switch ${L.mode} to ${MODES[keyMode]}.`;
}

export function publishableKeyRequiredMessage(mode: StripeMode): string {
  return `Enter the ${L.publishableKey} for ${MODES[mode]}: the key starting with pk_${mode}_ from ${DASHBOARD_KEYS}, or turn off ${L.enabled}.`;
}

export function publishableKeyFormatMessage(
  shape: StripeKeyShape | null,
  mode: StripeMode,
): string {
  const want = `The ${L.publishableKey} starts with pk_${mode}_.`;
  if (shape && shape.kind !== 'publishable') return `${pastedElsewhere(shape)} ${want}`;
  if (shape)
    return `This ${shape.prefix}… key looks cut short or contains characters Stripe keys never have. Copy it again from ${DASHBOARD_KEYS}.`;
  return `This is not a Stripe publishable key. ${want} Copy it from ${DASHBOARD_KEYS}.`;
}

export function publishableKeyWrongModeMessage(mode: StripeMode): string {
  const keyMode = other(mode);
  return `This is a ${word(keyMode)} key (pk_${keyMode}_…) but ${L.mode} is ${MODES[mode]}. Use a key starting with pk_${mode}_, or switch ${L.mode} to ${MODES[keyMode]}.`;
}

export function keysForOtherModeMessage(secret: StripeKeyShape, mode: StripeMode): string {
  const keyMode = other(mode);
  return `Both keys are ${word(keyMode)} keys (${secret.prefix}…, pk_${keyMode}_…) but ${L.mode} is ${MODES[mode]}. Switch ${L.mode} to ${MODES[keyMode]}, or use the keys starting with sk_${mode}_ and pk_${mode}_.`;
}

export function webhookSecretRequiredMessage(mode: StripeMode): string {
  return `Enter the ${L.webhookSigningSecret} for ${MODES[mode]}: add the ${L.webhookUrl} as an endpoint in ${DASHBOARD_WEBHOOKS}, then reveal its signing secret (whsec_…) and paste it here. Without it, bookings are not confirmed when a patient closes the page after paying.`;
}

export function webhookSecretFormatMessage(shape: StripeKeyShape | null): string {
  const want = `The ${L.webhookSigningSecret} starts with whsec_; reveal it on the endpoint's page in ${DASHBOARD_WEBHOOKS}.`;
  if (shape && shape.kind !== 'webhook_signing_secret') return `${pastedElsewhere(shape)} ${want}`;
  if (shape)
    return `This whsec_… secret looks cut short or contains characters signing secrets never have. ${want}`;
  return `This is not a webhook signing secret. ${want}`;
}

export function currencyUnsupportedMessage(currency: string): string {
  const shown = /^[A-Za-z]{3}$/.test(currency.trim())
    ? `${currency.trim().toUpperCase()} is`
    : 'This is';
  // Opens with KiviCare's wording, which admins may search its troubleshooting guide for.
  return `Currency not supported by Stripe: ${shown} not a currency Stripe charges in. Choose a ${L.currency} from the list.`;
}

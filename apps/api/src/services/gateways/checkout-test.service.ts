import { GatewayError, NOT_CONFIGURED_MESSAGE } from '@clinicpay/payments';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../../deps.js';
import { requireClinic } from '../clinic/require-clinic.js';
import { loadStripeSettings } from './stripe-settings.js';

/** Stripe refuses a session expiring in under 30 minutes. */
const TEST_SESSION_MINUTES = 31;

/**
 * "Test the checkout" (Sandbox only): a throwaway Checkout Session made with the saved Secret API
 * Key, and the saved Publishable Key to mount it with. Whether the two belong together is what
 * Stripe.js then says in the admin's browser: a key pair from two accounts cannot open it.
 */
export async function startCheckoutTest(deps: AppDeps) {
  const clinic = await requireClinic(deps.db);
  const settings = await loadStripeSettings(deps, clinic.id);
  const { secretKey, publishableKey } = settings?.keys.test ?? {};
  if (!settings || !secretKey || !publishableKey) {
    throw new AppError(
      'settings_invalid',
      'Save the Sandbox Publishable Key and Secret API Key first, then test the checkout.',
    );
  }
  try {
    const session = await deps.stripeGatewayFor(secretKey).createTestCheckoutSession({
      currency: settings.currency,
      clinicName: clinic.name,
      expiresAt: new Date(deps.clock.now().getTime() + TEST_SESSION_MINUTES * 60_000),
    });
    return {
      clientSecret: session.clientSecret,
      publishableKey,
      stripeJsUrl: deps.config.stripeJsUrl ?? null,
    };
  } catch (error) {
    if (error instanceof GatewayError && error.retryable) {
      throw new AppError(
        'stripe_unreachable',
        'Stripe could not be reached. Try again in a moment.',
        {
          cause: error,
        },
      );
    }
    const reason = error instanceof GatewayError ? error.stripeMessage : undefined;
    throw new AppError(
      'settings_invalid',
      `${NOT_CONFIGURED_MESSAGE}: ${reason ?? 'Stripe did not open a checkout with the saved Secret API Key.'}`,
      { cause: error },
    );
  }
}

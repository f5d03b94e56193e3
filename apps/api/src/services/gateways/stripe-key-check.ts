import {
  GatewayError,
  GatewayNotConfiguredError,
  NOT_CONFIGURED_MESSAGE,
} from '@clinicpay/payments';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../../deps.js';

/**
 * Proves a secret key works with the call checkout really makes (see the gateway's
 * verifyCredentials), so a restricted key with checkout rights passes. A refused key is reported
 * on its field with Stripe's reason; Stripe being unreachable is not the key's fault and says so.
 */
export async function checkSecretKeyWithStripe(ctx: AppDeps, secretKey: string): Promise<void> {
  try {
    await ctx.stripeGatewayFor(secretKey).verifyCredentials();
  } catch (error) {
    if (error instanceof GatewayError && error.retryable) {
      throw new AppError(
        'stripe_unreachable',
        'Stripe could not be reached to check the Secret API Key, so nothing was saved. Try again in a moment.',
        {
          cause: error,
        },
      );
    }
    const reason = error instanceof GatewayError ? error.stripeMessage : undefined;
    // GatewayError's stripeMessage is already redacted of any key Stripe quoted back.
    const message = `${NOT_CONFIGURED_MESSAGE}: ${reason ?? 'Stripe did not accept this key.'}`;
    throw new AppError('settings_invalid', message, {
      cause: error instanceof GatewayNotConfiguredError ? error : undefined,
      fieldErrors: [{ path: 'secretKey', message }],
    });
  }
}

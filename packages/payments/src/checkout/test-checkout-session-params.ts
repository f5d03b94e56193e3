/**
 * The throwaway Checkout Session an admin opens to see the card form work with the saved keys
 * (Sandbox only). It names no payment of ours (no `metadata.payment_id`), so its events are
 * acknowledged and ignored; nothing is charged unless the admin pays with a test card.
 */
import { minimumChargeFor, normalizeCurrencyCode } from '@clinicpay/contracts';
import type Stripe from 'stripe';
import { neutralProductName } from './checkout-session-params';

export interface TestCheckoutSessionInput {
  currency: string;
  clinicName: string;
  /** Stripe accepts 30 minutes to 24 hours from now. */
  expiresAt: Date;
}

export function testCheckoutSessionParams(
  input: TestCheckoutSessionInput,
): Stripe.Checkout.SessionCreateParams {
  return {
    mode: 'payment',
    ui_mode: 'embedded_page',
    // Stays in the admin's page: the page says what happened, no return URL to build.
    redirect_on_completion: 'never',
    expires_at: Math.floor(input.expiresAt.getTime() / 1000),
    metadata: { purpose: 'clinicpay_checkout_test' },
    adaptive_pricing: { enabled: false },
    allowed_payment_method_types: ['card'],
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: normalizeCurrencyCode(input.currency),
          // The smallest amount Stripe charges in this currency.
          unit_amount: minimumChargeFor(input.currency),
          product_data: { name: `Test · ${neutralProductName(input.clinicName)}` },
        },
      },
    ],
  };
}

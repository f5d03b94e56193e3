import type { CheckoutSessionState } from '@clinicpay/payments';
import type { AppDeps } from '../../deps.js';
import { fulfil } from '../fulfilment/fulfil.js';
import { effectOfSession } from '../fulfilment/session-effects.js';
import type { StripeSettings } from '../gateways/stripe-settings.js';
import type { BookingRow } from '@clinicpay/db';

/** The secret key of the mode this booking's card payment was made in (test payments outlive a switch to Live). */
export function secretKeyOf(booking: BookingRow, settings: StripeSettings | null): string | null {
  return booking.payment_mode ? (settings?.keys[booking.payment_mode].secretKey ?? null) : null;
}

/**
 * What the patient's pages learn from Stripe about their session (paid, expired) goes through
 * the same fulfilment as the webhook. True when it changed the booking.
 */
export async function applySessionToBooking(
  deps: AppDeps,
  booking: BookingRow,
  session: CheckoutSessionState,
  settings: StripeSettings | null,
): Promise<boolean> {
  const effect = effectOfSession(session, booking.payment_id!);
  if (!effect) return false;
  const result = await fulfil(deps, effect, {
    livemode: session.livemode,
    settings,
    cause: {
      source: 'status_page',
      at: deps.clock.now(),
      details: { checkout_session_id: session.id },
    },
  });
  return result.outcome === 'applied';
}

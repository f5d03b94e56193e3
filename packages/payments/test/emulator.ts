/** An emulator on a free port and gateways pointed at it, as the API will build them. */
import {
  DEMO_KEYS,
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '@clinicpay/stripe-emulator';
import type { CreateCheckoutSessionInput } from '../src/checkout/checkout-session-params';
import { createStripeGateway, type StripeGateway } from '../src/stripe-gateway';

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, seed: 7, ...options });
}

export function gatewayFor(
  emu: RunningEmulator,
  secretKey: string = DEMO_KEYS.secretKey,
): StripeGateway {
  return createStripeGateway({ secretKey, apiUrl: emu.url, maxNetworkRetries: 0 });
}

let counter = 0;

/** What the booking service will pass: server-computed amount, hold end 35 minutes out. */
export function checkoutInput(
  emu: RunningEmulator,
  overrides: Partial<CreateCheckoutSessionInput> = {},
): CreateCheckoutSessionInput {
  counter += 1;
  const reference = `CP-TEST${counter}`;
  return {
    paymentId: `pay_gateway_test_${counter}_${Date.now()}`,
    bookingReference: reference,
    amount: 5000,
    currency: 'usd',
    clinicName: 'Sunrise Family Clinic',
    returnUrl: `https://clinic.example/booking/${reference}/return?session_id={CHECKOUT_SESSION_ID}`,
    expiresAt: new Date((emu.clock.now() + 35 * 60) * 1000),
    ...overrides,
  };
}

import type Stripe from 'stripe';

/** What Clinicpay asks for: an embedded, payment-mode session of one 50.00 USD line, with metadata. */
export function checkoutSessionParams(
  expiresAt: number,
  overrides: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Stripe.Checkout.SessionCreateParams {
  return {
    mode: 'payment',
    ui_mode: 'embedded_page',
    return_url: 'https://clinic.example/booking/BK-1/return?session_id={CHECKOUT_SESSION_ID}',
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: 'usd',
          unit_amount: 5000,
          product_data: { name: 'Appointment at Demo Clinic' },
        },
      },
    ],
    metadata: { payment_id: 'pay_123' },
    client_reference_id: 'pay_123',
    payment_intent_data: { metadata: { payment_id: 'pay_123' } },
    expires_at: expiresAt,
    ...overrides,
  };
}

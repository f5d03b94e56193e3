// What the Stripe emulator made for a booking, found by the booking reference the API puts in the
// metadata of every Stripe object it creates.
import type { TestStack } from '../../src/testing.js';

export const TEST_CARD = '4242424242424242';

export function checkoutSessionOf(stack: TestStack, reference: string) {
  return stack.stripe.control
    .objects('test')
    .checkoutSessions.find((s) => s.metadata?.booking_reference === reference)!;
}

/** The emulator's event of `type` about the booking (its object carries the reference). */
export function eventAbout(stack: TestStack, type: string, reference: string) {
  return stack.stripe.control
    .events({ type })
    .find(
      (e) =>
        (e.data.object as { metadata?: Record<string, string> }).metadata?.booking_reference ===
        reference,
    )!;
}

/** Pays the booking's checkout with the card that always succeeds; its webhooks follow. */
export function payByCard(stack: TestStack, reference: string) {
  const session = checkoutSessionOf(stack, reference);
  stack.stripe.control.paySession(session.id, TEST_CARD);
  return session;
}

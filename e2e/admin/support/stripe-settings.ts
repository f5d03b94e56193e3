import type { AdminStack } from './admin-stack.js';

/** Forgets the seeded Stripe settings, so a test sets Stripe up from scratch as a new clinic would. */
export async function forgetStripeSettings(stack: AdminStack): Promise<void> {
  await stack.api.db.deleteFrom('gateway_settings').where('gateway', '=', 'stripe').execute();
}

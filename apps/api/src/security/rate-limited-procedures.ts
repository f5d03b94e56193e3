import { AppError } from '../errors/app-error.js';
import type { Context } from '../context.js';
import type { ProcedurePath } from '../routers/procedure-path.js';
import { clientNetwork } from './client-network.js';
import { consumeRateLimit, waitPhrase } from './rate-limiter.js';
import type { RateLimit, SecurityConfig } from './security-config.js';

/**
 * The procedures anyone can call that cost something (a hold on a doctor's time, an argon2 hash),
 * with their limit per caller address and the sentence a caller sees past it. Kept in one table
 * so what is limited is visible in one place; the limits themselves are configuration.
 */
const LIMITED: Partial<
  Record<
    ProcedurePath,
    { limit: (s: SecurityConfig) => RateLimit; message: (wait: string) => string }
  >
> = {
  'booking.create': {
    limit: (s) => s.rateLimits.booking,
    message: (wait) =>
      `Too many bookings from your network in a short time. Please wait ${wait} and try again, or call the clinic.`,
  },
  // Each call asks Stripe for the session: booking.create's limit, counted on its own, keeps a
  // stolen status link from spending the clinic's Stripe rate limit.
  'booking.resumeCheckout': {
    limit: (s) => s.rateLimits.booking,
    message: (wait) =>
      `Too many attempts to open the card form from your network. Please wait ${wait} and try again; your time stays held meanwhile.`,
  },
  'booking.status': {
    limit: (s) => s.rateLimits.bookingStatus,
    message: (wait) =>
      `Too many requests for booking details from your network. Please wait ${wait} and try again.`,
  },
  'catalogue.availability': {
    limit: (s) => s.rateLimits.availability,
    message: (wait) =>
      `Too many requests for free times from your network. Please wait ${wait} and try again, or call the clinic.`,
  },
  // Each challenge costs a count and a signature; a page asks once per details step.
  'booking.challenge': {
    limit: (s) => s.rateLimits.availability,
    message: (wait) =>
      `Too many requests from your network. Please wait ${wait} and try again, or call the clinic.`,
  },
  'admin.auth.signIn': {
    limit: (s) => s.rateLimits.signIn,
    message: (wait) =>
      `Too many sign-in attempts from your network. Please wait ${wait} and try again.`,
  },
  // Each hashes a password or guesses at a link's token: the sign-in limit, counted on its own.
  'admin.auth.acceptInvitation': {
    limit: (s) => s.rateLimits.signIn,
    message: (wait) => `Too many attempts from your network. Please wait ${wait} and try again.`,
  },
  'admin.auth.invitation': {
    limit: (s) => s.rateLimits.signIn,
    message: (wait) => `Too many attempts from your network. Please wait ${wait} and try again.`,
  },
  'admin.auth.resetPassword': {
    limit: (s) => s.rateLimits.signIn,
    message: (wait) => `Too many attempts from your network. Please wait ${wait} and try again.`,
  },
  'admin.auth.requestPasswordReset': {
    limit: (s) => s.rateLimits.signIn,
    message: (wait) =>
      `Too many reset requests from your network. Please wait ${wait} and try again.`,
  },
};

export async function enforceRateLimit(ctx: Context, path: string): Promise<void> {
  const rule = LIMITED[path as ProcedurePath];
  if (!rule) return;
  // An IPv6 client counts by its /64: one household or server holds the whole block.
  const address = clientNetwork(ctx.request.ip ?? ctx.ip ?? 'unknown');
  const decision = await consumeRateLimit(
    ctx.db,
    `rate:${path}:${address}`,
    rule.limit(ctx.config.security),
    ctx.clock.now(),
  );
  if (decision.allowed) return;
  throw new AppError('rate_limited', rule.message(waitPhrase(decision.retryAfterSeconds)), {
    retryAfterSeconds: decision.retryAfterSeconds,
  });
}

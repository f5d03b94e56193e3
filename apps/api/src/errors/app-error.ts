import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';

/**
 * Everything a caller of the API can be told went wrong, as a closed union. Services throw
 * AppError; the tRPC kernel turns it into a TRPCError once (trpc.ts), keeping `appCode` so the
 * SPAs can react (e.g. go back to the times when a slot was just taken).
 */
export const APP_ERRORS = {
  clinic_not_set_up: 'NOT_FOUND',
  clinic_already_set_up: 'CONFLICT',
  service_not_found: 'NOT_FOUND',
  doctor_not_found: 'NOT_FOUND',
  booking_not_found: 'NOT_FOUND',
  slot_taken: 'CONFLICT',
  slot_unavailable: 'BAD_REQUEST',
  slot_in_past: 'BAD_REQUEST',
  slot_too_far_ahead: 'BAD_REQUEST',
  payment_method_unavailable: 'BAD_REQUEST',
  card_payment_unavailable: 'SERVICE_UNAVAILABLE',
  amount_not_accepted: 'BAD_REQUEST',
  // Anti-flood: too many open bookings for one contact; the proof of work missing or wrong.
  booking_limit_reached: 'CONFLICT',
  challenge_failed: 'BAD_REQUEST',
  booking_not_cancellable: 'CONFLICT',
  booking_not_movable: 'CONFLICT',
  refund_changed: 'CONFLICT',
  checkout_not_resumable: 'CONFLICT',
  payment_not_found: 'NOT_FOUND',
  appointment_not_found: 'NOT_FOUND',
  refund_not_allowed: 'BAD_REQUEST',
  refund_too_large: 'BAD_REQUEST',
  refund_failed: 'BAD_GATEWAY',
  transition_not_allowed: 'CONFLICT',
  reason_required: 'BAD_REQUEST',
  // The admin API and security.
  unauthorized: 'UNAUTHORIZED',
  sign_in_failed: 'UNAUTHORIZED',
  // The password was right; the sign-in also needs a code from the authenticator or a recovery code.
  two_factor_needed: 'UNAUTHORIZED',
  // The clinic requires two-factor sign-in and this admin has not set it up yet.
  two_factor_setup_needed: 'FORBIDDEN',
  // A risky action (keys, admins, refunds) needs the password or a code typed in the last minutes.
  reconfirm_needed: 'FORBIDDEN',
  csrf_refused: 'FORBIDDEN',
  not_permitted: 'FORBIDDEN',
  link_gone: 'NOT_FOUND',
  rate_limited: 'TOO_MANY_REQUESTS',
  invalid_cursor: 'BAD_REQUEST',
  invalid_input: 'BAD_REQUEST',
  settings_invalid: 'BAD_REQUEST',
  stripe_unreachable: 'SERVICE_UNAVAILABLE',
  schedule_conflict: 'CONFLICT',
  confirmation_needed: 'CONFLICT',
  stripe_event_not_found: 'NOT_FOUND',
  mail_off: 'PRECONDITION_FAILED',
  mail_not_resendable: 'CONFLICT',
  // Every database connection stayed in use (a burst beyond the pool): worth asking again shortly.
  server_busy: 'SERVICE_UNAVAILABLE',
} as const satisfies Record<string, TRPC_ERROR_CODE_KEY>;

export type AppErrorCode = keyof typeof APP_ERRORS;

/** A problem tied to one input field (`path` as zod names it, e.g. `secretKey`), for forms. */
export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly fieldErrors: FieldError[] | null;
  /** For `rate_limited`: seconds until asking again can succeed, sent as `Retry-After`. */
  readonly retryAfterSeconds: number | null;
  constructor(
    readonly code: AppErrorCode,
    message: string,
    options?: { cause?: unknown; fieldErrors?: FieldError[]; retryAfterSeconds?: number },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.fieldErrors = options?.fieldErrors ?? null;
    this.retryAfterSeconds = options?.retryAfterSeconds ?? null;
  }
}

/**
 * Stripe's errors, translated once into a closed vocabulary the API maps to tRPC and HTTP codes.
 * Stripe's own message and code are kept for logs and the admin, with any key in them masked.
 */
import { redactStripeSecrets } from '@clinicpay/contracts';

export type GatewayErrorCode =
  /** No secret key, or Stripe refused it (401), or a restricted key lacks a right (403). */
  | 'not_configured'
  /** The card was declined (402); `declineCode` says why. */
  | 'card_declined'
  /** Stripe refused the request's parameters or the object's state (400). */
  | 'invalid_request'
  /** The object does not exist in this mode (404, `resource_missing`). */
  | 'not_found'
  /** The idempotency key was used with other parameters, or is in use concurrently. */
  | 'idempotency_conflict'
  /** Too many requests (429): retry later. */
  | 'rate_limited'
  /** Stripe could not be reached, timed out or failed (5xx): retry later. */
  | 'unavailable'
  /** Stripe answered with something this code does not understand. */
  | 'unexpected_response';

/** What Stripe said, without secrets. */
export interface StripeReason {
  stripeMessage?: string | undefined;
  stripeCode?: string | undefined;
  declineCode?: string | undefined;
  statusCode?: number | undefined;
  requestId?: string | undefined;
}

export class GatewayError extends Error {
  readonly stripeMessage: string | undefined;
  readonly stripeCode: string | undefined;
  readonly declineCode: string | undefined;
  readonly statusCode: number | undefined;
  readonly requestId: string | undefined;

  constructor(
    readonly code: GatewayErrorCode,
    message: string,
    reason: StripeReason = {},
  ) {
    super(message);
    this.name = 'GatewayError';
    this.stripeMessage = reason.stripeMessage && redactStripeSecrets(reason.stripeMessage);
    this.stripeCode = reason.stripeCode;
    this.declineCode = reason.declineCode;
    this.statusCode = reason.statusCode;
    this.requestId = reason.requestId;
  }

  /** Worth trying again later with the same idempotency key. */
  get retryable(): boolean {
    return this.code === 'unavailable' || this.code === 'rate_limited';
  }
}

/** The KiviCare wording admins know from the troubleshooting guide. */
export const NOT_CONFIGURED_MESSAGE = 'Stripe gateway is not properly configured';

export class GatewayNotConfiguredError extends GatewayError {
  declare readonly code: 'not_configured';
  constructor(reason: StripeReason = {}) {
    super('not_configured', NOT_CONFIGURED_MESSAGE, reason);
    this.name = 'GatewayNotConfiguredError';
  }
}

const MESSAGES: Record<Exclude<GatewayErrorCode, 'not_configured'>, string> = {
  card_declined: 'The card was declined',
  invalid_request: 'Stripe refused the request',
  not_found: 'Stripe has no such object',
  idempotency_conflict: 'Stripe refused a repeated request that differs from the first',
  rate_limited: 'Stripe is limiting requests; try again shortly',
  unavailable: 'Stripe could not be reached; try again shortly',
  unexpected_response: 'Stripe answered in a way this version of Clinicpay does not understand',
};

/** The fields of stripe-node's StripeError this module reads (duck-typed: no instanceof hazards). */
interface StripeErrorLike {
  type: string;
  message?: string;
  code?: string;
  decline_code?: string;
  statusCode?: number;
  requestId?: string;
}

function isStripeError(error: unknown): error is StripeErrorLike {
  if (!(error instanceof Error)) return false;
  const { type } = error as Partial<StripeErrorLike>;
  return typeof type === 'string' && type.startsWith('Stripe');
}

function codeFor(error: StripeErrorLike): GatewayErrorCode {
  switch (error.type) {
    case 'StripeAuthenticationError':
    case 'StripePermissionError':
      return 'not_configured';
    case 'StripeCardError':
      return 'card_declined';
    case 'StripeIdempotencyError':
      return 'idempotency_conflict';
    case 'StripeRateLimitError':
      return 'rate_limited';
    case 'StripeConnectionError':
    case 'StripeAPIError':
      return 'unavailable';
    case 'StripeInvalidRequestError':
      return error.code === 'resource_missing' ? 'not_found' : 'invalid_request';
    default:
      return (error.statusCode ?? 500) >= 500 ? 'unavailable' : 'invalid_request';
  }
}

/** Any error from a stripe-node call, as a GatewayError. Already-translated errors pass through. */
export function toGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  if (!isStripeError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new GatewayError('unexpected_response', MESSAGES.unexpected_response, {
      stripeMessage: message,
    });
  }
  const reason: StripeReason = {
    stripeMessage: error.message,
    stripeCode: error.code,
    declineCode: error.decline_code || undefined,
    statusCode: error.statusCode,
    requestId: error.requestId,
  };
  const code = codeFor(error);
  return code === 'not_configured'
    ? new GatewayNotConfiguredError(reason)
    : new GatewayError(code, MESSAGES[code], reason);
}

/** Runs a Stripe call, translating whatever it throws. */
export async function translatingStripeErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toGatewayError(error);
  }
}

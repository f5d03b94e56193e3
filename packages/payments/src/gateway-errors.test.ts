import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import {
  GatewayError,
  GatewayNotConfiguredError,
  NOT_CONFIGURED_MESSAGE,
  toGatewayError,
  type GatewayErrorCode,
} from './gateway-errors';

const KEY_BODY = 'ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210';
const { errors } = Stripe;

describe('toGatewayError', () => {
  it.each<[string, Error, GatewayErrorCode]>([
    [
      'a refused key (401)',
      new errors.StripeAuthenticationError({
        message: 'Invalid API Key provided',
        statusCode: 401,
      }),
      'not_configured',
    ],
    [
      'a restricted key without the right (403)',
      new errors.StripePermissionError({ message: 'no permission', statusCode: 403 }),
      'not_configured',
    ],
    [
      'a declined card (402)',
      new errors.StripeCardError({
        message: 'declined',
        decline_code: 'generic_decline',
        statusCode: 402,
      }),
      'card_declined',
    ],
    [
      'bad parameters (400)',
      new errors.StripeInvalidRequestError({
        message: 'Invalid integer',
        statusCode: 400,
        code: 'parameter_invalid_integer',
      }),
      'invalid_request',
    ],
    [
      'a missing object (404)',
      new errors.StripeInvalidRequestError({
        message: 'No such checkout.session',
        statusCode: 404,
        code: 'resource_missing',
      }),
      'not_found',
    ],
    [
      'a reused idempotency key',
      new errors.StripeIdempotencyError({
        message: 'Keys for idempotent requests can only be used with the same parameters',
        statusCode: 400,
      }),
      'idempotency_conflict',
    ],
    [
      'too many requests (429)',
      new errors.StripeRateLimitError({ message: 'Too many requests', statusCode: 429 }),
      'rate_limited',
    ],
    [
      'no connection',
      new errors.StripeConnectionError({
        message: 'An error occurred with our connection to Stripe.',
      }),
      'unavailable',
    ],
    [
      "Stripe's own failure (500)",
      new errors.StripeAPIError({ message: 'Something went wrong', statusCode: 500 }),
      'unavailable',
    ],
  ])('translates %s', (_label, stripeError, code) => {
    const error = toGatewayError(stripeError);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error.code).toBe(code);
    expect(error.stripeMessage).toBe(stripeError.message);
  });

  it('gives a refused key the KiviCare message and keeps Stripe’s reason for the admin', () => {
    const error = toGatewayError(
      new errors.StripeAuthenticationError({
        message: 'Invalid API Key provided: sk_test_****abcd',
        statusCode: 401,
        requestId: 'req_1',
      }),
    );
    expect(error).toBeInstanceOf(GatewayNotConfiguredError);
    expect(error.message).toBe('Stripe gateway is not properly configured');
    expect(error.message).toBe(NOT_CONFIGURED_MESSAGE);
    expect(error).toMatchObject({ statusCode: 401, requestId: 'req_1' });
    expect(error.stripeMessage).toContain('Invalid API Key provided');
  });

  it('masks any key that appears in Stripe’s message', () => {
    const stripeError = new errors.StripeAuthenticationError({
      message: `Invalid API Key provided: sk_live_${KEY_BODY}`,
      statusCode: 401,
    });
    const error = toGatewayError(stripeError);
    expect(error.stripeMessage).toBe(`Invalid API Key provided: sk_live_…${KEY_BODY.slice(-4)}`);
    expect(JSON.stringify(error)).not.toContain(KEY_BODY);
  });

  it('keeps the decline code of a card error', () => {
    const error = toGatewayError(
      new errors.StripeCardError({
        message: 'Your card has insufficient funds.',
        decline_code: 'insufficient_funds',
        code: 'card_declined',
        statusCode: 402,
      }),
    );
    expect(error).toMatchObject({
      code: 'card_declined',
      declineCode: 'insufficient_funds',
      stripeCode: 'card_declined',
    });
  });

  it('marks only transient failures as retryable', () => {
    expect(toGatewayError(new errors.StripeRateLimitError({ statusCode: 429 })).retryable).toBe(
      true,
    );
    expect(toGatewayError(new errors.StripeConnectionError({})).retryable).toBe(true);
    expect(
      toGatewayError(new errors.StripeInvalidRequestError({ statusCode: 400 })).retryable,
    ).toBe(false);
  });

  it('wraps errors that did not come from Stripe as unexpected', () => {
    expect(toGatewayError(new TypeError('boom'))).toMatchObject({
      code: 'unexpected_response',
      stripeMessage: 'boom',
    });
  });

  it('passes an already translated error through', () => {
    const error = new GatewayNotConfiguredError();
    expect(toGatewayError(error)).toBe(error);
  });
});

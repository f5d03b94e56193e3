/**
 * Stripe-shaped API errors. stripe-node picks its error class from the status code (and, for
 * 400/404, `type === 'idempotency_error'`), so the status here decides what callers catch.
 */

export type StripeErrorType =
  'invalid_request_error' | 'api_error' | 'card_error' | 'idempotency_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  doc_url?: string;
}

/**
 * Errors found while reading parameters happen before the endpoint runs, and Stripe does not
 * store them under an idempotency key; errors from running the endpoint are stored and replayed.
 */
export type ErrorPhase = 'validation' | 'execution';

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    readonly phase: ErrorPhase = 'validation',
  ) {
    super(body.message);
    this.name = 'StripeApiError';
  }
}

function docUrl(code: string): string {
  return `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}`;
}

function invalid(message: string, extra: Partial<StripeErrorBody> = {}, phase?: ErrorPhase) {
  const body: StripeErrorBody = { type: 'invalid_request_error', message, ...extra };
  if (body.code) body.doc_url = docUrl(body.code);
  return new StripeApiError(400, body, phase);
}

export const missingParam = (param: string) =>
  invalid(`Missing required param: ${param}.`, { code: 'parameter_missing', param });

export const unknownParam = (param: string) =>
  invalid(`Received unknown parameter: ${param}`, { code: 'parameter_unknown', param });

export const invalidInteger = (param: string, value: string) =>
  invalid(`Invalid integer: ${value}`, { code: 'parameter_invalid_integer', param });

export const invalidBoolean = (param: string, value: string) =>
  invalid(`Invalid boolean: ${value}`, { param });

export const integerOutOfRange = (param: string, bound: 'min' | 'max', limit: number) =>
  invalid(`This value must be ${bound === 'min' ? 'greater' : 'less'} than or equal to ${limit}.`, {
    code: 'parameter_invalid_integer',
    param,
  });

export const invalidEnum = (param: string, allowed: readonly string[]) => {
  const list =
    allowed.length > 1
      ? `${allowed.slice(0, -1).join(', ')}, or ${allowed[allowed.length - 1]}`
      : (allowed[0] ?? '');
  return invalid(`Invalid ${param}: must be one of ${list}`, { param });
};

export const invalidShape = (param: string, shape: 'hash' | 'array' | 'string') =>
  invalid(shape === 'string' ? `Invalid string: ${param}` : `Invalid ${shape}`, { param });

export const emptyString = (param: string) =>
  invalid(
    `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a ` +
      `parameter; however '${param}' cannot be unset. You should remove '${param}' from your ` +
      'request or supply a non-empty value.',
    { code: 'parameter_invalid_empty', param },
  );

export const stringTooLong = (param: string, max: number) =>
  invalid(`Invalid string: ${param} must be at most ${max} characters`, {
    code: 'parameter_invalid_string_blank',
    param,
  });

export const invalidUrl = (param: string) =>
  invalid('Not a valid URL', { code: 'url_invalid', param });

export const invalidParam = (message: string, param?: string, code?: string) =>
  invalid(message, { ...(param ? { param } : {}), ...(code ? { code } : {}) });

/** A request that was valid but cannot run against the current state (stored for idempotency). */
export const stateError = (message: string, code?: string, param?: string) =>
  invalid(message, { ...(code ? { code } : {}), ...(param ? { param } : {}) }, 'execution');

export const resourceMissing = (objectName: string, id: string, param = 'id') =>
  new StripeApiError(404, {
    type: 'invalid_request_error',
    message: `No such ${objectName}: '${id}'`,
    code: 'resource_missing',
    param,
    doc_url: docUrl('resource_missing'),
  });

export const unrecognizedUrl = (method: string, path: string) =>
  new StripeApiError(404, {
    type: 'invalid_request_error',
    message:
      `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs ` +
      'or we can help at https://support.stripe.com/.',
  });

export const badBody = (message: string) => invalid(message);

export const bodyTooLarge = (limit: number) =>
  new StripeApiError(413, {
    type: 'invalid_request_error',
    message: `Request body is larger than the ${limit} bytes this API accepts.`,
  });

export const internalError = () =>
  new StripeApiError(500, { type: 'api_error', message: 'An unknown error occurred' }, 'execution');

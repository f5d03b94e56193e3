/**
 * The `/v1` pipeline: read the body, authenticate, route, check the key's rights, decode the
 * form, apply idempotency, run the endpoint, answer in Stripe's format. Any failure becomes a
 * Stripe-shaped error; nothing a client sends can take the emulator down.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiLatency } from './api-latency';
import { API_VERSION } from './api-version';
import { authenticate, authorize } from './auth';
import { StripeApiError, badBody, bodyTooLarge, internalError, unrecognizedUrl } from './errors';
import { decodeForm, FormDecodeError, type FormObject } from './form-decode';
import { DEFAULT_BODY_LIMIT, readBody } from './http/body';
import { sendJson } from './http/respond';
import type { IdempotencyStore } from './idempotency';
import { fingerprint, MAX_KEY_LENGTH } from './idempotency';
import { newRequestId } from './ids';
import type { Keyring, ResolvedKey } from './keys';
import { rateLimitedError, type RateLimiter } from './rate-limit';
import type { RequestLog } from './request-log';
import type { Router } from './routes';
import type { EmulatorState } from './state';

export interface ApiDeps {
  state: EmulatorState;
  keyring: Keyring;
  router: Router;
  idempotency: IdempotencyStore;
  requests: RequestLog;
  bodyLimit?: number;
  /** Deliberately slow answers (the control API sets them). */
  latency?: ApiLatency;
  /** Deliberate 429s (the control API or the `rateLimit` option sets them). */
  rateLimit?: RateLimiter;
}

interface Outcome {
  status: number;
  body: string;
  headers: Record<string, string>;
  error?: StripeApiError;
  mode?: string;
  replayed?: boolean;
}

const VERSION = /^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/;

function errorOutcome(error: StripeApiError): Outcome {
  return {
    status: error.status,
    body: JSON.stringify({ error: error.body }, null, 2),
    headers: {},
    error,
  };
}

type Decoded = { ok: true; params: FormObject } | { ok: false; message: string };

function decode(text: string): Decoded {
  try {
    return { ok: true, params: decodeForm(text) };
  } catch (error) {
    if (error instanceof FormDecodeError) return { ok: false, message: error.message };
    throw error;
  }
}

/** What the request log keeps of what was sent, filled in as the pipeline reads it. */
interface Sent {
  params: FormObject | null;
  bytes: number;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function run(
  deps: ApiDeps,
  req: IncomingMessage,
  url: URL,
  requestId: string,
  sent: Sent,
): Promise<Outcome> {
  const method = req.method ?? 'GET';
  const limit = deps.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const body = await readBody(req, limit);
  if (!body.ok)
    throw body.reason === 'too_large'
      ? bodyTooLarge(limit)
      : badBody('The request body could not be read.');
  // Decoded before authentication so the log shows what was sent even when it was refused;
  // a decoding error is still answered in Stripe's order, after the key and the route.
  const text = method === 'POST' ? body.text : url.search.slice(1);
  const decoded = decode(text);
  sent.bytes = text.length;
  if (decoded.ok) sent.params = decoded.params;

  const version = header(req, 'stripe-version');
  if (version !== undefined && !VERSION.test(version)) {
    throw badBody(`Invalid Stripe API version: ${version}`);
  }
  const key: ResolvedKey = authenticate(deps.keyring, header(req, 'authorization'));
  // Stripe limits per account, so after the key; before anything runs, so a 429 changes nothing.
  if (deps.rateLimit?.refuses(method, url.pathname)) {
    const limited = errorOutcome(rateLimitedError());
    return { ...limited, headers: { 'Stripe-Rate-Limited-Reason': 'global-rate' }, mode: key.mode };
  }
  const matched = deps.router.match(method, url.pathname);
  if (!matched) throw unrecognizedUrl(method, url.pathname);
  authorize(key, matched.route.right);

  if (method === 'POST' && /^application\/json/i.test(header(req, 'content-type') ?? '')) {
    throw badBody(
      'Invalid request: the v1 API takes form-encoded bodies (application/x-www-form-urlencoded), not JSON.',
    );
  }
  if (!decoded.ok) throw badBody(decoded.message);
  const { params } = decoded;
  const idempotencyKey = method === 'POST' ? (header(req, 'idempotency-key') ?? null) : null;
  const store = deps.state.store(key.mode);
  // Idempotency keys belong to an account and a mode, as at Stripe.
  const scope = `${key.account}/${key.mode}`;
  const nowMs = deps.state.clock.nowMs();
  const print = fingerprint(method, url.pathname, params);

  if (idempotencyKey !== null) {
    if (idempotencyKey.length > MAX_KEY_LENGTH) {
      throw badBody(`Idempotency-Key must be at most ${MAX_KEY_LENGTH} characters long.`);
    }
    const stored = deps.idempotency.get(scope, idempotencyKey, nowMs);
    if (stored && stored.fingerprint !== print) {
      throw new StripeApiError(400, {
        type: 'idempotency_error',
        message:
          'Keys for idempotent requests can only be used with the same parameters they were first ' +
          `used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
      });
    }
    if (stored) {
      return {
        status: stored.status,
        body: stored.body,
        headers: { 'Idempotent-Replayed': 'true', 'Original-Request': stored.requestId },
        mode: key.mode,
        replayed: true,
      };
    }
  }

  let outcome: Outcome;
  try {
    const request = { id: requestId, idempotency_key: idempotencyKey };
    const result = matched.route.handle(
      { state: deps.state, mode: key.mode, account: key.account, store, params, request },
      matched.args,
    );
    outcome = { status: 200, body: JSON.stringify(result, null, 2), headers: {}, mode: key.mode };
  } catch (error) {
    outcome = {
      ...errorOutcome(error instanceof StripeApiError ? error : internalError()),
      mode: key.mode,
    };
    if (!(error instanceof StripeApiError))
      console.error('[stripe-emulator] endpoint failed:', error);
  }
  // Stripe stores a result once the endpoint has started; parameter errors are not stored.
  if (idempotencyKey !== null && outcome.error?.phase !== 'validation') {
    deps.idempotency.set(scope, idempotencyKey, {
      fingerprint: print,
      status: outcome.status,
      body: outcome.body,
      requestId,
      storedAtMs: nowMs,
    });
  }
  return outcome;
}

export async function handleApi(
  deps: ApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const requestId = newRequestId();
  const sent: Sent = { params: null, bytes: 0 };
  let outcome: Outcome;
  try {
    outcome = await run(deps, req, url, requestId, sent);
  } catch (error) {
    if (!(error instanceof StripeApiError))
      console.error('[stripe-emulator] request failed:', error);
    outcome = errorOutcome(error instanceof StripeApiError ? error : internalError());
  }
  const delayMs = deps.latency?.delayFor(req.method ?? 'GET', url.pathname) ?? 0;
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  const idempotencyKey = req.method === 'POST' ? header(req, 'idempotency-key') : undefined;
  sendJson(res, outcome.status, outcome.body, {
    'Request-Id': requestId,
    'Stripe-Version': header(req, 'stripe-version') ?? API_VERSION,
    ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey.slice(0, MAX_KEY_LENGTH) } : {}),
    ...outcome.headers,
  });
  deps.requests.add(
    {
      id: requestId,
      at: deps.state.clock.now(),
      method: req.method ?? 'GET',
      path: url.pathname,
      status: outcome.status,
      mode: outcome.mode ?? null,
      idempotencyKey: idempotencyKey ?? null,
      replayed: outcome.replayed ?? false,
      errorCode: outcome.error?.body.code ?? outcome.error?.body.type ?? null,
      // Plain objects (the decoder's have no prototype), as a JSON reader of the log would see them.
      params: sent.params ? structuredClone<FormObject>(sent.params) : null,
    },
    sent.bytes,
  );
}

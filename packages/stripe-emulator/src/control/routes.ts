/**
 * The control API over HTTP, JSON in and out, under `/_emulator/` (never under `/v1`, so no
 * Stripe client can reach it by accident). Each route calls the typed control function.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiLatencyRule } from '../api-latency';
import { StripeApiError } from '../errors';
import { readBody } from '../http/body';
import { sendJson } from '../http/respond';
import { KeyringError, type Mode, type Right } from '../keys';
import type { RefundSettlementRule } from '../payments/refund-settlement';
import type { RateLimitRule } from '../rate-limit';
import type { EmulatorControl } from './control';

type Json = Record<string, unknown>;
type Handler = (
  c: EmulatorControl,
  args: Record<string, string>,
  body: Json,
  query: URLSearchParams,
) => unknown;

class ControlError extends Error {}

const str = (body: Json, name: string): string | undefined => {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ControlError(`${name} must be a string`);
  return value;
};
const num = (body: Json, name: string): number | undefined => {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new ControlError(`${name} must be a number`);
  return value;
};
/** The rules of POST /api-latency; each rule is checked where it is compiled. */
const rulesOf = (body: Json): ApiLatencyRule[] => {
  if (!Array.isArray(body.rules))
    throw new ControlError('rules must be a list (empty to remove them)');
  return body.rules as ApiLatencyRule[];
};
const mode = (q: URLSearchParams): Mode | undefined => {
  const m = q.get('mode');
  if (m === null) return undefined;
  if (m !== 'test' && m !== 'live') throw new ControlError('mode must be test or live');
  return m;
};
/** A body's `mode`, read like the `?mode=` query. */
const modeParam = (body: Json) => {
  const m = str(body, 'mode');
  return new URLSearchParams(m === undefined ? {} : { mode: m });
};
const payOptions = (body: Json) => ({
  ...(str(body, 'email') ? { email: str(body, 'email') } : {}),
  ...(str(body, 'name') ? { name: str(body, 'name') } : {}),
  ...(str(body, 'presentment_currency')
    ? { presentmentCurrency: str(body, 'presentment_currency') }
    : {}),
});

const ROUTES: [string, string, Handler][] = [
  ['GET', '/_emulator/health', () => ({ ok: true })],
  ['GET', '/_emulator/objects', (c, _a, _b, q) => c.objects(mode(q))],
  ['GET', '/_emulator/objects/:id', (c, { id = '' }) => c.object(id) ?? notFound(id)],
  [
    'GET',
    '/_emulator/events',
    (c, _a, _b, q) =>
      c.events({
        ...(mode(q) ? { mode: mode(q) } : {}),
        ...(q.get('type') ? { type: q.get('type') ?? '' } : {}),
      }),
  ],
  [
    'POST',
    '/_emulator/events/:id/resend',
    (c, { id = '' }, b) => ({ deliveries: c.resendEvent(id, str(b, 'endpoint_id')) }),
  ],
  ['GET', '/_emulator/requests', (c) => c.requests()],
  [
    'GET',
    '/_emulator/deliveries',
    (c, _a, _b, q) =>
      c.deliveries({
        ...(q.get('endpoint') ? { endpointId: q.get('endpoint') ?? '' } : {}),
        ...(q.get('event') ? { eventId: q.get('event') ?? '' } : {}),
      }),
  ],
  [
    'POST',
    '/_emulator/deliveries/wait',
    async (c, _a, b) => (await c.waitForDeliveries(num(b, 'timeout_ms')), { idle: true }),
  ],
  [
    'POST',
    '/_emulator/checkout/sessions/:id/pay',
    (c, { id = '' }, b) => c.paySession(id, str(b, 'card'), payOptions(b)),
  ],
  [
    'POST',
    '/_emulator/checkout/sessions/:id/decline',
    (c, { id = '' }, b) => c.declineSession(id, str(b, 'decline_code'), payOptions(b)),
  ],
  [
    'POST',
    '/_emulator/checkout/sessions/:id/pay_delayed',
    (c, { id = '' }, b) => {
      const outcome = str(b, 'outcome');
      if (outcome !== 'succeed' && outcome !== 'fail')
        throw new ControlError('outcome must be succeed or fail');
      const delaySeconds = num(b, 'delaySeconds') ?? num(b, 'delay_seconds');
      return c.paySessionDelayed(id, {
        outcome,
        ...(delaySeconds !== undefined ? { delaySeconds } : {}),
        ...(str(b, 'email') ? { email: str(b, 'email') } : {}),
        ...(str(b, 'name') ? { name: str(b, 'name') } : {}),
      });
    },
  ],
  ['POST', '/_emulator/checkout/sessions/:id/expire', (c, { id = '' }) => c.expireSession(id)],
  ['POST', '/_emulator/checkout/sessions/expire_due', (c) => ({ expired: c.expireDueSessions() })],
  [
    'POST',
    '/_emulator/payment_intents/:id/authenticate',
    (c, { id = '' }, b) =>
      c.completeAuthentication(id, str(b, 'outcome') === 'fail' ? 'fail' : 'succeed'),
  ],
  [
    'POST',
    '/_emulator/refunds',
    (c, _a, b) => {
      const id = str(b, 'charge') ?? str(b, 'payment_intent');
      if (!id) throw new ControlError('charge or payment_intent is required');
      const reason = str(b, 'reason') as
        'duplicate' | 'fraudulent' | 'requested_by_customer' | undefined;
      return c.refund(id, {
        ...(num(b, 'amount') !== undefined ? { amount: num(b, 'amount') } : {}),
        ...(reason ? { reason } : {}),
      });
    },
  ],
  ['GET', '/_emulator/refund_settlement', (c) => c.refundSettlement()],
  [
    'POST',
    '/_emulator/refund_settlement',
    (c, _a, b) => c.setRefundSettlement(b as unknown as RefundSettlementRule),
  ],
  [
    'POST',
    '/_emulator/charges/:id/dispute',
    (c, { id = '' }, b) =>
      c.dispute(id, {
        ...(str(b, 'reason') ? { reason: str(b, 'reason') } : {}),
        ...(num(b, 'amount') !== undefined ? { amount: num(b, 'amount') } : {}),
      }),
  ],
  [
    'POST',
    '/_emulator/disputes/:id/close',
    (c, { id = '' }, b) => {
      const outcome = str(b, 'outcome');
      if (outcome !== 'won' && outcome !== 'lost')
        throw new ControlError('outcome must be won or lost');
      return c.closeDispute(id, outcome);
    },
  ],
  ['GET', '/_emulator/clock', (c) => ({ now: c.advanceClock(0) })],
  [
    'POST',
    '/_emulator/clock/advance',
    (c, _a, b) => ({ now: c.advanceClock(num(b, 'seconds') ?? 0) }),
  ],
  ['POST', '/_emulator/clock/set', (c, _a, b) => ({ now: c.setClock(num(b, 'now') ?? 0) })],
  ['GET', '/_emulator/webhooks', (c) => c.webhookEndpoints()],
  ['POST', '/_emulator/webhooks', (c, _a, b) => c.addWebhookEndpoint(b as never)],
  [
    'DELETE',
    '/_emulator/webhooks/:id',
    (c, { id = '' }) => ({ deleted: c.removeWebhookEndpoint(id) }),
  ],
  ['POST', '/_emulator/webhooks/:id/faults', (c, { id = '' }, b) => c.setWebhookFaults(id, b)],
  ['GET', '/_emulator/api-latency', (c) => ({ rules: c.apiLatency() })],
  ['POST', '/_emulator/api-latency', (c, _a, b) => ({ rules: c.setApiLatency(rulesOf(b)) })],
  ['GET', '/_emulator/rate_limit', (c) => c.rateLimit()],
  [
    'POST',
    '/_emulator/rate_limit',
    (c, _a, b) => ({ rule: c.setRateLimit((b.rule ?? null) as RateLimitRule | null) }),
  ],
  [
    'POST',
    '/_emulator/accounts',
    (c, _a, b) => c.createAccount({ ...(mode(modeParam(b)) ? { mode: mode(modeParam(b)) } : {}) }),
  ],
  [
    'POST',
    '/_emulator/keys/restricted',
    (c, _a, b) => {
      if (!Array.isArray(b.rights)) throw new ControlError('rights must be a list');
      const account = str(b, 'account_id') ?? '';
      return { key: c.createRestrictedKey(account, b.rights as Right[], mode(modeParam(b))) };
    },
  ],
  ['POST', '/_emulator/keys/roll', (c, _a, b) => ({ key: c.rollKey(str(b, 'key') ?? '') })],
  [
    'POST',
    '/_emulator/keys/revoke',
    (c, _a, b) => (c.revokeKey(str(b, 'key') ?? ''), { revoked: true }),
  ],
  ['POST', '/_emulator/reset', (c) => (c.reset(), { reset: true })],
];

function notFound(id: string): never {
  throw new StripeApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such object: '${id}'`,
  });
}

function match(
  method: string,
  path: string,
): { handler: Handler; args: Record<string, string> } | null {
  const parts = path.replace(/\/+$/, '').split('/');
  for (const [m, pattern, handler] of ROUTES) {
    const segments = pattern.split('/');
    if (m !== method || segments.length !== parts.length) continue;
    const args: Record<string, string> = {};
    if (
      segments.every((s, i) =>
        s.startsWith(':')
          ? ((args[s.slice(1)] = decodeURIComponent(parts[i] ?? '')), true)
          : s === parts[i],
      )
    ) {
      return { handler, args };
    }
  }
  return null;
}

function parseJson(text: string): Json {
  if (text.trim() === '') return {};
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ControlError('The body must be a JSON object');
  return value as Json;
}

export async function handleControl(
  control: EmulatorControl,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const fail = (status: number, message: string, extra: Json = {}) =>
    sendJson(
      res,
      status,
      JSON.stringify({ error: { type: 'invalid_request_error', message, ...extra } }),
    );
  try {
    const body = await readBody(req);
    if (!body.ok) return fail(413, 'The request body is too large or was not received.');
    const found = match(req.method ?? 'GET', url.pathname);
    if (!found) return fail(404, `Unknown control route: ${req.method ?? 'GET'} ${url.pathname}`);
    const result = await found.handler(control, found.args, parseJson(body.text), url.searchParams);
    sendJson(res, 200, JSON.stringify(result, null, 2));
  } catch (error) {
    if (error instanceof StripeApiError)
      return sendJson(res, error.status, JSON.stringify({ error: error.body }));
    if (error instanceof KeyringError)
      return fail(error.about === 'right' ? 400 : 404, error.message);
    if (
      error instanceof ControlError ||
      error instanceof SyntaxError ||
      error instanceof RangeError ||
      error instanceof TypeError
    ) {
      return fail(400, error.message);
    }
    console.error('[stripe-emulator] control call failed:', error);
    fail(500, 'The control call failed.');
  }
}

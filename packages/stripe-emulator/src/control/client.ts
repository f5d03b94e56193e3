/**
 * A typed client for the control API, for callers in another process than the emulator (an
 * end-to-end suite driving the dev start, say). In-process callers use `emulator.control`.
 */
import type Stripe from 'stripe';
import type { ApiLatencyRule } from '../api-latency';
import type { CreatedAccount, Mode, Right } from '../keys';
import type { DelayedPayOptions, DelayedPayResult } from '../payments/pay-delayed';
import type { PayOptions, PayResult } from '../payments/pay-session';
import type { RefundSettlementRule } from '../payments/refund-settlement';
import type { RateLimitRule, RateLimitStatus } from '../rate-limit';
import type { LoggedRequest } from '../request-log';
import type {
  Delivery,
  WebhookEndpointConfig,
  WebhookEndpointInfo,
  WebhookFaults,
} from '../webhooks/endpoints';
import type { ObjectsSnapshot } from './control';

/** A control call the emulator refused; `status` and `body` are its answer. */
export class ControlCallError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    const message = (body as { error?: { message?: string } } | null)?.error?.message;
    super(message ?? `Control call failed with ${status}`);
    this.name = 'ControlCallError';
  }
}

export function createControlClient(emulatorUrl: string) {
  const base = `${emulatorUrl.replace(/\/+$/, '')}/_emulator`;
  async function call<T>(method: string, path: string, body?: object): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json: unknown = await response.json();
    if (!response.ok) throw new ControlCallError(response.status, json);
    return json as T;
  }
  const query = (params: Record<string, string | undefined>) => {
    const entries = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined);
    return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
  };
  return {
    paySession: (
      sessionId: string,
      card?: string,
      { presentmentCurrency, ...options }: PayOptions = {},
    ) =>
      call<PayResult>('POST', `/checkout/sessions/${sessionId}/pay`, {
        card,
        ...options,
        presentment_currency: presentmentCurrency,
      }),
    declineSession: (sessionId: string, declineCode?: string) =>
      call<PayResult>('POST', `/checkout/sessions/${sessionId}/decline`, {
        decline_code: declineCode,
      }),
    paySessionDelayed: (sessionId: string, options: DelayedPayOptions) =>
      call<DelayedPayResult>('POST', `/checkout/sessions/${sessionId}/pay_delayed`, options),
    completeAuthentication: (paymentIntentId: string, outcome: 'succeed' | 'fail' = 'succeed') =>
      call<PayResult>('POST', `/payment_intents/${paymentIntentId}/authenticate`, { outcome }),
    expireSession: (sessionId: string) =>
      call<Stripe.Checkout.Session>('POST', `/checkout/sessions/${sessionId}/expire`),
    refund: (id: string, options: { amount?: number; reason?: string } = {}) =>
      call<Stripe.Refund>('POST', '/refunds', {
        [id.startsWith('pi_') ? 'payment_intent' : 'charge']: id,
        ...options,
      }),
    setRefundSettlement: (rule: RefundSettlementRule) =>
      call<RefundSettlementRule>('POST', '/refund_settlement', rule),
    refundSettlement: () => call<RefundSettlementRule>('GET', '/refund_settlement'),
    dispute: (chargeId: string, options: { reason?: string; amount?: number } = {}) =>
      call<Stripe.Dispute>('POST', `/charges/${chargeId}/dispute`, options),
    closeDispute: (disputeId: string, outcome: 'won' | 'lost') =>
      call<Stripe.Dispute>('POST', `/disputes/${disputeId}/close`, { outcome }),
    now: async () => (await call<{ now: number }>('GET', '/clock')).now,
    advanceClock: async (seconds: number) =>
      (await call<{ now: number }>('POST', '/clock/advance', { seconds })).now,
    setClock: async (now: number) =>
      (await call<{ now: number }>('POST', '/clock/set', { now })).now,
    objects: (mode?: Mode) => call<ObjectsSnapshot>('GET', `/objects${query({ mode })}`),
    events: (filter: { mode?: Mode; type?: string } = {}) =>
      call<Stripe.Event[]>('GET', `/events${query(filter)}`),
    requests: () => call<LoggedRequest[]>('GET', '/requests'),
    deliveries: (filter: { endpointId?: string; eventId?: string } = {}) =>
      call<Delivery[]>(
        'GET',
        `/deliveries${query({ endpoint: filter.endpointId, event: filter.eventId })}`,
      ),
    waitForDeliveries: async (timeoutMs?: number) => {
      await call('POST', '/deliveries/wait', { timeout_ms: timeoutMs });
    },
    addWebhookEndpoint: (config: WebhookEndpointConfig) =>
      call<WebhookEndpointInfo>('POST', '/webhooks', config),
    removeWebhookEndpoint: async (id: string) =>
      (await call<{ deleted: boolean }>('DELETE', `/webhooks/${id}`)).deleted,
    setWebhookFaults: (id: string, faults: WebhookFaults) =>
      call<WebhookEndpointInfo>('POST', `/webhooks/${id}/faults`, faults),
    apiLatency: async () => (await call<{ rules: ApiLatencyRule[] }>('GET', '/api-latency')).rules,
    setApiLatency: async (rules: ApiLatencyRule[]) =>
      (await call<{ rules: ApiLatencyRule[] }>('POST', '/api-latency', { rules })).rules,
    rateLimit: () => call<RateLimitStatus>('GET', '/rate_limit'),
    setRateLimit: async (rule: RateLimitRule | null) =>
      (await call<{ rule: RateLimitRule | null }>('POST', '/rate_limit', { rule })).rule,
    createAccount: (options: { mode?: Mode } = {}) =>
      call<CreatedAccount>('POST', '/accounts', options),
    createRestrictedKey: async (accountId: string, rights: readonly Right[], mode?: Mode) =>
      (
        await call<{ key: string }>('POST', '/keys/restricted', {
          account_id: accountId,
          rights,
          mode,
        })
      ).key,
    rollKey: async (key: string) =>
      (await call<{ key: string }>('POST', '/keys/roll', { key })).key,
    revokeKey: async (key: string) => {
      await call('POST', '/keys/revoke', { key });
    },
    resendEvent: async (eventId: string, endpointId?: string) =>
      (
        await call<{ deliveries: number }>('POST', `/events/${eventId}/resend`, {
          endpoint_id: endpointId,
        })
      ).deliveries,
    reset: async () => {
      await call('POST', '/reset');
    },
  };
}

export type ControlClient = ReturnType<typeof createControlClient>;

/**
 * The control surface, as typed functions: what a test (or the control HTTP API, or the
 * dashboard) may do that Stripe's API cannot — pay or decline a session without a UI, refund
 * or dispute "from the dashboard", move the clock, inspect everything, inject webhook faults.
 */
import type Stripe from 'stripe';
import type { ApiLatency, ApiLatencyRule } from '../api-latency';
import type { Clock } from '../clock';
import { resourceMissing } from '../errors';
import type { IdempotencyStore } from '../idempotency';
import { accountOf } from '../ownership';
import type { RateLimiter, RateLimitRule, RateLimitStatus } from '../rate-limit';
import type { CreatedAccount, Keyring, Mode, Right } from '../keys';
import { completeAuthentication } from '../payments/charge-card';
import { closeDispute, disputeCharge, type DisputeOptions } from '../payments/dispute-charge';
import { expireDueSessions, expireSession } from '../payments/expire-session';
import { findSession, modeHolding } from '../payments/lookup';
import {
  declineSession,
  paySession,
  type PayOptions,
  type PayResult,
} from '../payments/pay-session';
import {
  paySessionDelayed,
  type DelayedPayOptions,
  type DelayedPayResult,
} from '../payments/pay-delayed';
import { refundCharge } from '../payments/refund-charge';
import {
  checkRefundSettlementRule,
  type RefundSettlementRule,
} from '../payments/refund-settlement';
import { TEST_CARDS } from '../payments/test-cards';
import type { LoggedRequest, RequestLog } from '../request-log';
import type { EmulatorState } from '../state';
import type { WebhookDispatcher } from '../webhooks/dispatcher';
import type {
  Delivery,
  WebhookEndpointConfig,
  WebhookEndpointInfo,
  WebhookFaults,
} from '../webhooks/endpoints';

export interface ObjectsSnapshot {
  checkoutSessions: Stripe.Checkout.Session[];
  paymentIntents: Stripe.PaymentIntent[];
  charges: Stripe.Charge[];
  refunds: Stripe.Refund[];
  disputes: Stripe.Dispute[];
}

export interface DashboardRefund {
  amount?: number;
  reason?: Stripe.Refund.Reason;
  metadata?: Record<string, string>;
}

export interface EmulatorControl {
  paySession(sessionId: string, card?: string, options?: PayOptions): PayResult;
  declineSession(sessionId: string, declineCode?: string, options?: PayOptions): PayResult;
  /**
   * Pays with the session's delayed method (bank debit): complete but unpaid now, then after
   * `delaySeconds` of emulator time (default 60) paid or failed. Refused for card-only sessions.
   */
  paySessionDelayed(sessionId: string, options: DelayedPayOptions): DelayedPayResult;
  completeAuthentication(paymentIntentId: string, outcome?: 'succeed' | 'fail'): PayResult;
  expireSession(sessionId: string): Stripe.Checkout.Session;
  /** Expires every session whose `expires_at` has passed on the emulator's clock. */
  expireDueSessions(): number;
  /** A refund "from the dashboard", of a charge (`ch_`) or a payment intent (`pi_`). */
  refund(id: string, options?: DashboardRefund): Stripe.Refund;
  /**
   * How new refunds settle: `instant` (Stripe's test mode, the default) or `pending`, then
   * `succeeded` or `failed` after `afterSeconds` of emulator time. `reset` restores instant.
   */
  setRefundSettlement(rule: RefundSettlementRule): RefundSettlementRule;
  refundSettlement(): RefundSettlementRule;
  dispute(chargeId: string, options?: DisputeOptions): Stripe.Dispute;
  closeDispute(disputeId: string, outcome: 'won' | 'lost'): Stripe.Dispute;
  advanceClock(seconds: number): number;
  setClock(unixSeconds: number): number;
  objects(mode?: Mode): ObjectsSnapshot;
  object(id: string): object | null;
  events(filter?: { mode?: Mode; type?: string }): Stripe.Event[];
  requests(): LoggedRequest[];
  deliveries(filter?: { endpointId?: string; eventId?: string }): Delivery[];
  addWebhookEndpoint(config: WebhookEndpointConfig): WebhookEndpointInfo;
  removeWebhookEndpoint(id: string): boolean;
  setWebhookFaults(id: string, faults: WebhookFaults): WebhookEndpointInfo;
  /** Makes the API answer matching requests late (an empty list: on time again). */
  setApiLatency(rules: ApiLatencyRule[]): ApiLatencyRule[];
  apiLatency(): ApiLatencyRule[];
  /** Answers a `fraction` of matching `/v1` requests 429 without running them (null: none). */
  setRateLimit(rule: RateLimitRule | null): RateLimitRule | null;
  /** The rule in force and how many requests it has refused. */
  rateLimit(): RateLimitStatus;
  webhookEndpoints(): WebhookEndpointInfo[];
  resendEvent(eventId: string, endpointId?: string): number;
  /** Resolves when every delivery has succeeded or used up its attempts. */
  waitForDeliveries(timeoutMs?: number): Promise<void>;
  /** A new account with a secret and a publishable key of `mode` (default test). */
  createAccount(options?: { mode?: Mode }): CreatedAccount;
  /** A restricted key (`rk_…`) of the account with these rights, in the account's mode. */
  createRestrictedKey(accountId: string, rights: readonly Right[], mode?: Mode): string;
  /** A replacement key; the old one then gets 401 "Expired API Key provided". */
  rollKey(key: string): string;
  /** Deletes a key; it then gets 401 "Invalid API Key provided". */
  revokeKey(key: string): void;
  /** Forgets every object, event, request, idempotency key and delivery; endpoints, accounts and keys stay. */
  reset(): void;
}

export interface ControlDeps {
  state: EmulatorState;
  clock: Clock;
  dispatcher: WebhookDispatcher;
  idempotency: IdempotencyStore;
  requests: RequestLog;
  latency: ApiLatency;
  rateLimit: RateLimiter;
  /** The `rateLimit` option, which `reset` restores. */
  initialRateLimit: RateLimitRule | null;
  keyring: Keyring;
}

function snapshot(state: EmulatorState, modes: readonly Mode[]): ObjectsSnapshot {
  const out: ObjectsSnapshot = {
    checkoutSessions: [],
    paymentIntents: [],
    charges: [],
    refunds: [],
    disputes: [],
  };
  for (const mode of modes) {
    const s = state.store(mode);
    out.checkoutSessions.push(...[...s.sessions.values()].map((r) => r.session));
    out.paymentIntents.push(...s.paymentIntents.values());
    out.charges.push(...s.charges.values());
    out.refunds.push(...s.refunds.values());
    out.disputes.push(...s.disputes.values());
  }
  return out;
}

export function createControl(deps: ControlDeps): EmulatorControl {
  const { state, clock, dispatcher } = deps;
  const modes = (mode?: Mode): Mode[] => (mode ? [mode] : ['test', 'live']);
  return {
    paySession: (id, card = TEST_CARDS.success, options) => paySession(state, id, card, options),
    declineSession: (id, code, options) => declineSession(state, id, code, options),
    paySessionDelayed: (id, options) => paySessionDelayed(state, id, options),
    completeAuthentication: (id, outcome = 'succeed') => completeAuthentication(state, id, outcome),
    expireSession(id) {
      const { mode, record } = findSession(state, id);
      expireSession(state, mode, record);
      return record.session;
    },
    expireDueSessions: () => expireDueSessions(state),
    refund(id, options = {}) {
      const mode = modeHolding(state, id, id.startsWith('pi_') ? 'payment_intent' : 'charge');
      const target = id.startsWith('pi_') ? { paymentIntent: id } : { charge: id };
      return refundCharge(state, mode, { ...target, ...options });
    },
    setRefundSettlement(rule) {
      state.refundSettlement = checkRefundSettlementRule(rule);
      return state.refundSettlement;
    },
    refundSettlement: () => state.refundSettlement,
    dispute: (chargeId, options) => disputeCharge(state, chargeId, options),
    closeDispute: (id, outcome) => closeDispute(state, id, outcome),
    advanceClock: (seconds) => clock.advance(seconds),
    setClock: (unix) => clock.set(unix),
    objects: (mode) => snapshot(state, modes(mode)),
    object(id) {
      const mode = state.modeOf(id);
      if (!mode) return null;
      const s = state.store(mode);
      return (
        s.sessions.get(id)?.session ??
        s.paymentIntents.get(id) ??
        s.charges.get(id) ??
        s.refunds.get(id) ??
        s.disputes.get(id) ??
        s.events.get(id) ??
        null
      );
    },
    events(filter = {}) {
      return modes(filter.mode)
        .flatMap((m) => [...state.store(m).events.values()])
        .filter((e) => !filter.type || e.type === filter.type)
        .sort((a, b) => a.created - b.created);
    },
    requests: () => deps.requests.list(),
    deliveries: (filter) => dispatcher.log.list(filter),
    addWebhookEndpoint: (config) => dispatcher.addEndpoint(config),
    removeWebhookEndpoint: (id) => dispatcher.removeEndpoint(id),
    setWebhookFaults: (id, faults) => dispatcher.setFaults(id, faults),
    setApiLatency: (rules) => deps.latency.set(rules),
    apiLatency: () => deps.latency.list(),
    setRateLimit: (rule) => deps.rateLimit.set(rule),
    rateLimit: () => deps.rateLimit.status(),
    createAccount: ({ mode = 'test' } = {}) => deps.keyring.createAccount(mode),
    createRestrictedKey: (accountId, rights, mode) =>
      deps.keyring.createRestrictedKey(accountId, rights, mode),
    rollKey: (key) => deps.keyring.roll(key),
    revokeKey: (key) => deps.keyring.revoke(key),
    webhookEndpoints: () => dispatcher.listEndpoints(),
    resendEvent(eventId, endpointId) {
      const mode = state.modeOf(eventId);
      const event = mode ? state.store(mode).events.get(eventId) : undefined;
      if (!event || !mode) throw resourceMissing('event', eventId);
      return dispatcher.resend(event, endpointId, accountOf(state.store(mode), event));
    },
    async waitForDeliveries(timeoutMs = 30_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Deliveries still pending after ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      try {
        await Promise.race([dispatcher.whenIdle(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    reset() {
      dispatcher.stop();
      dispatcher.log.clear();
      state.reset();
      deps.idempotency.clear();
      deps.requests.clear();
      deps.latency.set([]);
      deps.rateLimit.set(deps.initialRateLimit);
      deps.rateLimit.clearCount();
    },
  };
}

/**
 * The emulator's in-memory state: one store per mode (a test key never sees live objects), the
 * clock, and the sink events go to. The API handlers, the control API and (later) the checkout
 * page all act on this through the functions in `payments/`, never through HTTP.
 */
import type Stripe from 'stripe';
import type { Clock } from './clock';
import type { Mode } from './keys';
import type { PendingDelayedPayment } from './payments/pay-delayed';
import type { PendingRefund, RefundSettlementRule } from './payments/refund-settlement';
import type { RefundBehaviour, TestCard } from './payments/test-cards';

/** What a session needs beyond its Stripe object: what the payment intent will carry. */
export interface SessionRecord {
  session: Stripe.Checkout.Session;
  /** The account whose key created it (the default account when absent). */
  account?: string;
  lineItems: Stripe.LineItem[];
  paymentIntentData: {
    metadata: Record<string, string>;
    description: string | null;
    receiptEmail: string | null;
    statementDescriptor: string | null;
    statementDescriptorSuffix: string | null;
  };
}

export interface PendingAuthentication {
  sessionId: string;
  card: TestCard;
  billing: { email: string | null; name: string | null };
}

/** Which request caused an event (the API's `request` field). */
export interface RequestRef {
  id: string | null;
  idempotency_key: string | null;
}

export class ModeStore {
  readonly sessions = new Map<string, SessionRecord>();
  // Creation order, kept apart so lists read newest-first without sorting a Map.
  readonly sessionOrder: string[] = [];
  readonly sessionByPaymentIntent = new Map<string, string>();
  // Open sessions only, so the expiry sweep never walks completed or expired ones.
  readonly openSessions = new Set<string>();
  // Payments waiting on 3D Secure: what to charge once authentication completes.
  readonly pendingAuthentications = new Map<string, PendingAuthentication>();
  // Bank debits waiting for the bank's answer, applied when the clock reaches their time.
  readonly delayedPayments: PendingDelayedPayment[] = [];
  readonly paymentIntents = new Map<string, Stripe.PaymentIntent>();
  readonly charges = new Map<string, Stripe.Charge>();
  readonly refunds = new Map<string, Stripe.Refund>();
  readonly refundOrder: string[] = [];
  // Refunds waiting to settle (pending, or succeeded but due to fail), applied by the clock.
  readonly pendingRefunds: PendingRefund[] = [];
  // Charges of the refund test cards, whose refunds settle later.
  readonly refundBehaviours = new Map<string, RefundBehaviour>();
  readonly disputes = new Map<string, Stripe.Dispute>();
  readonly events = new Map<string, Stripe.Event>();

  constructor(readonly mode: Mode) {}

  get livemode(): boolean {
    return this.mode === 'live';
  }

  addSession(record: SessionRecord): void {
    this.sessions.set(record.session.id, record);
    this.sessionOrder.push(record.session.id);
    if (record.session.status === 'open') this.openSessions.add(record.session.id);
  }

  /** Forgets events created before `before` (Stripe keeps them for 30 days). */
  pruneEvents(before: number): void {
    for (const [id, event] of this.events) {
      if (event.created >= before) break; // insertion order is creation order
      this.events.delete(id);
    }
  }

  addRefund(refund: Stripe.Refund): void {
    this.refunds.set(refund.id, refund);
    this.refundOrder.push(refund.id);
  }
}

/** Receives every event as it is created (the webhook dispatcher). */
export interface EventSink {
  /** How many endpoints will be sent this event: the event's `pending_webhooks`. */
  countRecipients(event: Stripe.Event, account?: string): number;
  /** `account`: the account the event belongs to; only its endpoints get it. */
  publish(event: Stripe.Event, account?: string): void;
}

const nullSink: EventSink = { countRecipients: () => 0, publish: () => undefined };

/** Where an emulator on its default port answers. */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:12111';

export class EmulatorState {
  readonly clock: Clock;
  private stores: Record<Mode, ModeStore> = {
    test: new ModeStore('test'),
    live: new ModeStore('live'),
  };
  sink: EventSink = nullSink;
  /** How new refunds settle (`setRefundSettlement`); Stripe's test mode: at once. */
  refundSettlement: RefundSettlementRule = { status: 'instant' };

  constructor(
    clock: Clock,
    /** Where the emulator is reachable; hosted checkout URLs and receipts point here. */
    public baseUrl = DEFAULT_BASE_URL,
  ) {
    this.clock = clock;
  }

  store(mode: Mode): ModeStore {
    return this.stores[mode];
  }

  /** The mode an object id belongs to, wherever it is stored (for control calls by id). */
  modeOf(id: string): Mode | null {
    if (id.startsWith('cs_test_')) return 'test';
    if (id.startsWith('cs_live_')) return 'live';
    for (const mode of ['test', 'live'] as const) {
      const s = this.stores[mode];
      if (s.paymentIntents.has(id) || s.charges.has(id) || s.refunds.has(id)) return mode;
      if (s.disputes.has(id) || s.events.has(id)) return mode;
    }
    return null;
  }

  /** Drops every object in both modes, and the refund settlement rule. */
  reset(): void {
    this.stores = { test: new ModeStore('test'), live: new ModeStore('live') };
    this.refundSettlement = { status: 'instant' };
  }
}

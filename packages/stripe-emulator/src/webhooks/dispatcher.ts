/**
 * Delivers events to webhook endpoints, at least once: each delivery is retried with exponential
 * backoff on a non-2xx answer, an error or a timeout, up to a bounded number of attempts. Faults
 * (duplicates, shuffling, delays, failures, drops) are applied per endpoint with a seeded RNG.
 */
import type Stripe from 'stripe';
import { newId } from '../ids';
import type { EventSink } from '../state';
import { DeliveryLog } from './delivery-log';
import { EndpointRegistry, endpointInfo, type Endpoint, type Job } from './endpoint-registry';
import {
  DEFAULT_RETRY,
  type Delivery,
  type RetryPolicy,
  type WebhookEndpointConfig,
  type WebhookEndpointInfo,
  type WebhookFaults,
} from './endpoints';
import { planDelivery, shuffle } from './faults';
import { payloadFor } from './payload';
import { sendSigned } from './sender';

export interface DispatcherOptions {
  seed?: number;
  retry?: Partial<RetryPolicy>;
  /** Unix seconds for the signature's `t`: the emulator's clock, so tests can move both together. */
  now: () => number;
  /** How long a partly filled shuffle window waits before it is sent anyway. */
  shuffleFlushMs?: number;
  /** Deliveries kept in the log (default 5,000). */
  logCapacity?: number;
}

export class WebhookDispatcher implements EventSink {
  readonly log: DeliveryLog;
  private readonly endpoints: EndpointRegistry;
  private readonly timers = new Set<NodeJS.Timeout>();
  private abort = new AbortController();
  // Bumped by stop(): an attempt that finishes after a stop must not schedule a retry.
  private generation = 0;
  private outstanding = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: DispatcherOptions) {
    this.log = new DeliveryLog(options.logCapacity);
    const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
    this.endpoints = new EndpointRegistry(seed, { ...DEFAULT_RETRY, ...options.retry });
  }

  addEndpoint(config: WebhookEndpointConfig): WebhookEndpointInfo {
    return endpointInfo(this.endpoints.add(config));
  }

  removeEndpoint(id: string): boolean {
    return this.endpoints.remove(id);
  }

  setFaults(id: string, faults: WebhookFaults): WebhookEndpointInfo {
    return endpointInfo(this.endpoints.setFaults(id, faults));
  }

  listEndpoints(): WebhookEndpointInfo[] {
    return this.endpoints.all().map(endpointInfo);
  }

  countRecipients(event: Stripe.Event, account?: string): number {
    return this.endpoints.recipients(event, account).length;
  }

  publish(event: Stripe.Event, account?: string): void {
    for (const endpoint of this.endpoints.recipients(event, account))
      this.enqueueEvent(endpoint, event);
  }

  /** Sends an event again to one endpoint, or to every endpoint that wants it. */
  resend(event: Stripe.Event, endpointId?: string, account?: string): number {
    const mode = event.livemode ? 'live' : 'test';
    const targets = endpointId
      ? this.endpoints.all().filter((e) => e.id === endpointId && e.mode === mode)
      : this.endpoints.recipients(event, account);
    for (const endpoint of targets) this.schedule(endpoint, this.newJob(endpoint, event, 1), 0);
    return targets.length;
  }

  /** Resolves once no delivery is pending, buffered or waiting for a retry. */
  whenIdle(): Promise<void> {
    if (this.outstanding === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  get pending(): number {
    return this.outstanding;
  }

  /** Cancels every timer and in-flight request; the endpoints stay configured. */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.abort.abort();
    this.abort = new AbortController();
    this.generation++;
    this.endpoints.clearQueues();
    this.outstanding = 0;
    this.settle();
  }

  private newJob(endpoint: Endpoint, event: Stripe.Event, copy: number): Job {
    const delivery: Delivery = {
      id: newId('whd', 20),
      endpointId: endpoint.id,
      eventId: event.id,
      eventType: event.type,
      copy,
      status: 'pending',
      attempts: [],
    };
    this.log.add(delivery);
    this.outstanding++;
    // Stripe sends pretty-printed JSON; receivers must verify the exact bytes, not a re-encoding.
    return { delivery, payload: payloadFor(endpoint, event) };
  }

  private enqueueEvent(endpoint: Endpoint, event: Stripe.Event): void {
    const plan = planDelivery(endpoint.faults, endpoint.rng);
    if (plan.drop) {
      this.log.add({
        id: newId('whd', 20),
        endpointId: endpoint.id,
        eventId: event.id,
        eventType: event.type,
        copy: 1,
        status: 'dropped',
        attempts: [],
      });
      return;
    }
    for (let copy = 1; copy <= plan.copies; copy++) {
      const job = this.newJob(endpoint, event, copy);
      const window = endpoint.faults.shuffleWindow ?? 1;
      if (window > 1) this.buffer(endpoint, job, window);
      else this.schedule(endpoint, job, plan.delayMs);
    }
  }

  private buffer(endpoint: Endpoint, job: Job, window: number): void {
    endpoint.shuffleBuffer.push(job);
    if (endpoint.shuffleBuffer.length >= window) return this.flushShuffle(endpoint);
    if (!endpoint.shuffleTimer) {
      endpoint.shuffleTimer = this.timer(
        () => this.flushShuffle(endpoint),
        this.options.shuffleFlushMs ?? 200,
      );
    }
  }

  private flushShuffle(endpoint: Endpoint): void {
    if (endpoint.shuffleTimer) clearTimeout(endpoint.shuffleTimer);
    endpoint.shuffleTimer = null;
    const jobs = shuffle(endpoint.shuffleBuffer, endpoint.rng);
    endpoint.shuffleBuffer = [];
    for (const job of jobs) this.schedule(endpoint, job, endpoint.faults.delayMs ?? 0);
  }

  private timer(fn: () => void, ms: number): NodeJS.Timeout {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
    return t;
  }

  private schedule(endpoint: Endpoint, job: Job, delayMs: number): void {
    const enqueue = () => {
      endpoint.ready.push(job);
      this.pump(endpoint);
    };
    if (delayMs > 0) this.timer(enqueue, delayMs);
    else enqueue();
  }

  private pump(endpoint: Endpoint): void {
    while (endpoint.inFlight < endpoint.maxInFlight && endpoint.ready.length > 0) {
      const job = endpoint.ready.shift() as Job;
      endpoint.inFlight++;
      void this.attempt(endpoint, job).finally(() => {
        endpoint.inFlight = Math.max(0, endpoint.inFlight - 1);
        this.pump(endpoint);
      });
    }
  }

  private async attempt(endpoint: Endpoint, job: Job): Promise<void> {
    const { delivery } = job;
    const at = Date.now();
    const generation = this.generation;
    if (!this.endpoints.has(endpoint.id)) {
      delivery.attempts.push({
        at,
        status: null,
        error: 'endpoint removed',
        injected: false,
        durationMs: 0,
      });
      return this.finish(delivery, 'failed');
    }
    const failNext = endpoint.failNextRemaining > 0;
    // Drawn only when the fault is set, so other faults' seeded sequences stay as they were.
    const failFirst =
      !failNext &&
      delivery.attempts.length === 0 &&
      (endpoint.faults.failFirstProbability ?? 0) > 0 &&
      endpoint.rng() < (endpoint.faults.failFirstProbability ?? 0);
    const injected = failNext || failFirst;
    let result;
    if (failNext) {
      endpoint.failNextRemaining--;
      result = { status: endpoint.failStatus, error: null, durationMs: 0 };
    } else if (failFirst) {
      result = { status: 500, error: null, durationMs: 0 };
    } else {
      result = await sendSigned(
        endpoint.url,
        job.payload,
        endpoint.secret,
        this.options.now(),
        endpoint.retry.timeoutMs,
        this.abort.signal,
      );
      if (generation !== this.generation) return;
    }
    delivery.attempts.push({
      at,
      status: result.status,
      error: result.error,
      injected,
      durationMs: Math.round(result.durationMs),
    });
    if (result.status !== null && result.status >= 200 && result.status < 300)
      return this.finish(delivery, 'succeeded');
    if (delivery.attempts.length >= endpoint.retry.maxAttempts)
      return this.finish(delivery, 'failed');
    const backoff = Math.min(
      endpoint.retry.initialDelayMs * 2 ** (delivery.attempts.length - 1),
      endpoint.retry.maxDelayMs,
    );
    this.schedule(endpoint, job, backoff);
  }

  private finish(delivery: Delivery, status: 'succeeded' | 'failed'): void {
    if (delivery.status !== 'pending') return;
    delivery.status = status;
    this.outstanding = Math.max(0, this.outstanding - 1);
    this.settle();
  }

  private settle(): void {
    if (this.outstanding > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

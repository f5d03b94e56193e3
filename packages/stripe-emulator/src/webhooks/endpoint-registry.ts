/** The configured webhook endpoints and each one's delivery state (queue, RNG, pending faults). */
import type Stripe from 'stripe';
import { API_VERSION } from '../api-version';
import { newId } from '../ids';
import { DEFAULT_ACCOUNT_ID } from '../keys';
import { createRng, type Rng } from '../rng';
import {
  matchesEvent,
  type Delivery,
  type RetryPolicy,
  type WebhookEndpointConfig,
  type WebhookEndpointInfo,
  type WebhookFaults,
} from './endpoints';
import { validateFaults } from './faults';

export interface Job {
  delivery: Delivery;
  payload: string;
}

export interface Endpoint extends WebhookEndpointInfo {
  secret: string;
  maxInFlight: number;
  rng: Rng;
  failNextRemaining: number;
  failStatus: number;
  ready: Job[];
  inFlight: number;
  shuffleBuffer: Job[];
  shuffleTimer: NodeJS.Timeout | null;
}

// The control API hands configs over from JSON, so check what the types cannot promise.
function checkConfig(config: WebhookEndpointConfig): void {
  if (typeof config.url !== 'string' || !URL.canParse(config.url))
    throw new TypeError(`Not a URL: ${String(config.url)}`);
  if (typeof config.secret !== 'string' || !config.secret)
    throw new TypeError('A webhook endpoint needs a signing secret');
  if (config.mode !== undefined && config.mode !== 'test' && config.mode !== 'live')
    throw new TypeError('mode must be test or live');
  if (config.account !== undefined && typeof config.account !== 'string')
    throw new TypeError('account must be an account id');
  if (
    config.apiVersion !== undefined &&
    !(
      typeof config.apiVersion === 'string' &&
      /^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/.test(config.apiVersion)
    )
  )
    throw new TypeError('apiVersion must be a Stripe API version such as 2026-10-28.endive');
  if (
    config.payloadStyle !== undefined &&
    config.payloadStyle !== 'snapshot' &&
    config.payloadStyle !== 'thin'
  )
    throw new TypeError('payloadStyle must be snapshot or thin');
  if (
    config.events !== undefined &&
    !(Array.isArray(config.events) && config.events.every((e) => typeof e === 'string'))
  ) {
    throw new TypeError('events must be a list of event types');
  }
  validateFaults(config.faults ?? {});
}

export class EndpointRegistry {
  private endpoints = new Map<string, Endpoint>();
  private created = 0;

  constructor(
    private readonly seed: number,
    private readonly retry: RetryPolicy,
  ) {}

  add(config: WebhookEndpointConfig): Endpoint {
    checkConfig(config);
    const faults = config.faults ?? {};
    const endpoint: Endpoint = {
      id: newId('we', 24),
      url: config.url,
      secret: config.secret,
      mode: config.mode ?? 'test',
      account: config.account ?? DEFAULT_ACCOUNT_ID,
      apiVersion: config.apiVersion ?? API_VERSION,
      payloadStyle: config.payloadStyle ?? 'snapshot',
      events: config.events ?? ['*'],
      faults,
      retry: { ...this.retry, ...config.retry },
      maxInFlight: config.maxInFlight ?? 1,
      // One generator per endpoint, seeded by creation order, so each is repeatable on its own.
      rng: createRng(this.seed + this.created++),
      failNextRemaining: faults.failNext?.count ?? 0,
      failStatus: faults.failNext?.status ?? 500,
      ready: [],
      inFlight: 0,
      shuffleBuffer: [],
      shuffleTimer: null,
    };
    this.endpoints.set(endpoint.id, endpoint);
    return endpoint;
  }

  remove(id: string): boolean {
    return this.endpoints.delete(id);
  }

  has(id: string): boolean {
    return this.endpoints.has(id);
  }

  setFaults(id: string, faults: WebhookFaults): Endpoint {
    const endpoint = this.endpoints.get(id);
    if (!endpoint) throw new RangeError(`No such webhook endpoint: ${id}`);
    validateFaults(faults);
    endpoint.faults = faults;
    endpoint.failNextRemaining = faults.failNext?.count ?? 0;
    endpoint.failStatus = faults.failNext?.status ?? 500;
    return endpoint;
  }

  all(): Endpoint[] {
    return [...this.endpoints.values()];
  }

  /** Endpoints of the event's account and mode subscribed to its type. */
  recipients(event: Stripe.Event, account: string = DEFAULT_ACCOUNT_ID): Endpoint[] {
    const mode = event.livemode ? 'live' : 'test';
    return this.all().filter(
      (e) => e.mode === mode && e.account === account && matchesEvent(e.events, event.type),
    );
  }

  clearQueues(): void {
    for (const e of this.endpoints.values()) {
      e.ready = [];
      e.shuffleBuffer = [];
      e.shuffleTimer = null;
      e.inFlight = 0;
    }
  }
}

export function endpointInfo(e: Endpoint): WebhookEndpointInfo {
  return {
    id: e.id,
    url: e.url,
    mode: e.mode,
    account: e.account,
    apiVersion: e.apiVersion,
    payloadStyle: e.payloadStyle,
    events: e.events,
    faults: e.faults,
    retry: e.retry,
  };
}

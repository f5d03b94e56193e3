/**
 * The one place a Stripe client is made, and the one place the API version is named. Where Stripe
 * lives is deployment config (`apiUrl`), never guessed from the keys.
 */
import Stripe from 'stripe';

/**
 * The API version every request is made with. It is the version stripe-node 23.1.0 is typed
 * against, so the types match the responses; upgrading stripe-node moves it, on purpose, in one place.
 */
export const STRIPE_API_VERSION = Stripe.API_VERSION;

export interface StripeClientOptions {
  secretKey: string;
  /** e.g. `http://127.0.0.1:12111` for the emulator; unset: api.stripe.com. */
  apiUrl?: string | undefined;
  /**
   * Retries on network errors, 409s and 5xx. Safe for POSTs: stripe-node reuses the request's
   * idempotency key. Default 2; tests against the emulator may use 0.
   */
  maxNetworkRetries?: number | undefined;
  /** Per request, in ms. Default 20 s: a patient is waiting on checkout creation. */
  timeoutMs?: number | undefined;
}

/** Thrown when `apiUrl` is not an http(s) origin stripe-node can use (an operator's mistake). */
export class StripeApiUrlError extends Error {
  readonly code = 'invalid_api_url' as const;
  constructor(apiUrl: string, reason: string) {
    super(`Stripe API URL ${JSON.stringify(apiUrl)} is not usable: ${reason}`);
    this.name = 'StripeApiUrlError';
  }
}

export interface StripeEndpoint {
  host: string;
  port: number;
  protocol: 'http' | 'https';
}

/** Splits an API URL into what stripe-node takes; it has no option for a path prefix. */
export function parseStripeApiUrl(apiUrl: string): StripeEndpoint {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new StripeApiUrlError(apiUrl, 'not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new StripeApiUrlError(apiUrl, 'the protocol must be http or https');
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new StripeApiUrlError(apiUrl, 'give only the origin (scheme, host and port)');
  }
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  const port = url.port ? Number(url.port) : protocol === 'http' ? 80 : 443;
  // URL keeps IPv6 hosts bracketed; Node's http module wants them bare.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, port, protocol };
}

export function createStripeClient(options: StripeClientOptions): Stripe {
  return new Stripe(options.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: options.timeoutMs ?? 20_000,
    appInfo: { name: 'Clinicpay' },
    ...(options.apiUrl ? parseStripeApiUrl(options.apiUrl) : {}),
  });
}

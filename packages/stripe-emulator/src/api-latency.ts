/**
 * Slow answers on purpose: the API waits this long before answering matching requests (after
 * the request has taken effect, as a slow network would). Lets a test widen a race that a real
 * Stripe opens for a moment, such as a webhook arriving before the call that caused it returns.
 */
import { StripeApiError } from './errors';
import { createRng, type Rng } from './rng';

export interface ApiLatencyRule {
  /** Milliseconds to wait before answering, 0 to 60,000. */
  delayMs: number;
  /** Only this method (GET, POST, DELETE); every method when absent. */
  method?: string;
  /** A regular expression matched against the path (`^/v1/checkout/sessions/[^/]+/expire$`); every path when absent. */
  path?: string;
  /** Only this share (0 to 1) of matching requests, drawn from the seeded generator; all when absent. */
  fraction?: number;
}

const MAX_DELAY_MS = 60_000;

interface CompiledRule {
  rule: ApiLatencyRule;
  path: RegExp | null;
}

export class ApiLatency {
  private rules: CompiledRule[] = [];
  private rng: Rng;

  constructor(private readonly seed = 0) {
    this.rng = createRng(seed);
  }

  /** Replaces the rules (an empty list removes them all); refuses a bad rule without changing any. */
  set(rules: readonly ApiLatencyRule[]): ApiLatencyRule[] {
    this.rules = rules.map(compile);
    // The same rules on the same seed slow the same requests.
    this.rng = createRng(this.seed);
    return this.list();
  }

  list(): ApiLatencyRule[] {
    return this.rules.map(({ rule }) => ({ ...rule }));
  }

  /** The delay of the first rule that matches, or 0. */
  delayFor(method: string, path: string): number {
    const hit = this.rules.find(
      ({ rule, path: pattern }) =>
        (rule.method === undefined || rule.method.toUpperCase() === method.toUpperCase()) &&
        (pattern === null || pattern.test(path)) &&
        (rule.fraction === undefined || this.rng() < rule.fraction),
    );
    return hit?.rule.delayMs ?? 0;
  }
}

function compile(rule: ApiLatencyRule): CompiledRule {
  const { delayMs, method, path, fraction } = rule ?? ({} as ApiLatencyRule);
  if (
    typeof delayMs !== 'number' ||
    !Number.isInteger(delayMs) ||
    delayMs < 0 ||
    delayMs > MAX_DELAY_MS
  ) {
    throw invalid(`delayMs must be a whole number of milliseconds from 0 to ${MAX_DELAY_MS}.`);
  }
  if (method !== undefined && (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method))) {
    throw invalid('method must be an HTTP method such as GET or POST.');
  }
  if (path !== undefined && typeof path !== 'string')
    throw invalid('path must be a regular expression, as a string.');
  if (fraction !== undefined && !(typeof fraction === 'number' && fraction >= 0 && fraction <= 1))
    throw invalid('fraction must be a number from 0 to 1.');
  const pattern = path === undefined ? null : compilePath(path);
  return {
    rule: {
      delayMs,
      ...(method !== undefined ? { method } : {}),
      ...(path !== undefined ? { path } : {}),
      ...(fraction !== undefined ? { fraction } : {}),
    },
    path: pattern,
  };
}

function compilePath(path: string): RegExp {
  try {
    return new RegExp(path);
  } catch {
    throw invalid(`path is not a valid regular expression: ${path}`);
  }
}

function invalid(message: string): StripeApiError {
  return new StripeApiError(400, {
    type: 'invalid_request_error',
    message: `Invalid API latency rule: ${message}`,
  });
}

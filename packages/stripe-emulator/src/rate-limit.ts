/**
 * Rate limiting on purpose: a chosen fraction of matching `/v1` requests is answered 429 before
 * it can take effect, as Stripe's limiters answer a burst. Off unless a rule is set. The choice is
 * drawn from a generator seeded by the emulator's seed, so a test sees the same requests refused
 * on every run.
 */
import { StripeApiError } from './errors';
import { createRng, type Rng } from './rng';

export interface RateLimitRule {
  /** The share of matching requests answered 429, from 0 to 1. */
  fraction: number;
  /** Only this method (GET, POST, DELETE); every method when absent. */
  method?: string;
  /** A regular expression matched against the path; every path when absent. */
  path?: string;
}

export interface RateLimitStatus {
  rule: RateLimitRule | null;
  /** Requests answered 429 since the start or the last `reset`. */
  rateLimited: number;
}

interface Compiled {
  rule: RateLimitRule;
  path: RegExp | null;
}

export class RateLimiter {
  private compiled: Compiled | null = null;
  private rng: Rng;
  private limited = 0;

  constructor(
    private readonly seed: number,
    initial: RateLimitRule | null = null,
  ) {
    this.rng = createRng(seed);
    this.set(initial);
  }

  /**
   * Replaces the rule (null removes it); refuses a bad rule without changing anything. The
   * generator starts over, so which requests are refused depends only on the traffic after this.
   */
  set(rule: RateLimitRule | null): RateLimitRule | null {
    this.compiled = rule === null ? null : compile(rule);
    this.rng = createRng(this.seed);
    return this.rule();
  }

  rule(): RateLimitRule | null {
    return this.compiled ? { ...this.compiled.rule } : null;
  }

  status(): RateLimitStatus {
    return { rule: this.rule(), rateLimited: this.limited };
  }

  /** Whether this request is refused; draws from the generator only for matching requests. */
  refuses(method: string, path: string): boolean {
    const c = this.compiled;
    if (!c) return false;
    if (c.rule.method !== undefined && c.rule.method.toUpperCase() !== method.toUpperCase())
      return false;
    if (c.path !== null && !c.path.test(path)) return false;
    if (this.rng() >= c.rule.fraction) return false;
    this.limited++;
    return true;
  }

  /** Zeroes the counter (the emulator's `reset`). */
  clearCount(): void {
    this.limited = 0;
  }
}

/** Stripe's answer to a rate-limited request (stripe-node raises `StripeRateLimitError` on 429). */
export function rateLimitedError(): StripeApiError {
  return new StripeApiError(429, {
    type: 'invalid_request_error',
    code: 'rate_limit',
    message:
      'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
    doc_url: 'https://stripe.com/docs/error-codes/rate-limit',
  });
}

function compile(rule: RateLimitRule): Compiled {
  const { fraction, method, path } = rule ?? ({} as RateLimitRule);
  if (typeof fraction !== 'number' || !(fraction >= 0 && fraction <= 1))
    throw invalid('fraction must be a number from 0 to 1.');
  if (method !== undefined && (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method)))
    throw invalid('method must be an HTTP method such as GET or POST.');
  if (path !== undefined && typeof path !== 'string')
    throw invalid('path must be a regular expression, as a string.');
  let pattern: RegExp | null = null;
  if (path !== undefined) {
    try {
      pattern = new RegExp(path);
    } catch {
      throw invalid(`path is not a valid regular expression: ${path}`);
    }
  }
  return {
    rule: {
      fraction,
      ...(method !== undefined ? { method } : {}),
      ...(path !== undefined ? { path } : {}),
    },
    path: pattern,
  };
}

function invalid(message: string): StripeApiError {
  return new StripeApiError(400, {
    type: 'invalid_request_error',
    message: `Invalid rate limit rule: ${message}`,
  });
}

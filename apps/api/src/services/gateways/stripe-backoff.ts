import type { Clock } from '../../clock.js';

const FIRST_WAIT_MS = 5_000;
const LONGEST_WAIT_MS = 5 * 60_000;

/**
 * Stripe limits requests per account (429). Callers that can wait (the sweeper, the status page's
 * look at Stripe) hold off after one, twice as long each time Stripe keeps refusing, up to five
 * minutes; any other answer starts the count again. A patient who is paying right now is never
 * held back by it: creating a checkout and reopening the card form still go straight to Stripe.
 */
export class StripeBackoff {
  private waitMs = 0;
  private untilMs = 0;

  constructor(private readonly clock: Clock) {}

  /** Stripe answered 429. */
  limited(): void {
    this.waitMs = Math.min(Math.max(this.waitMs * 2, FIRST_WAIT_MS), LONGEST_WAIT_MS);
    this.untilMs = Math.max(this.untilMs, this.clock.now().getTime() + this.waitMs);
  }

  /** Stripe answered anything else. */
  answered(): void {
    this.waitMs = 0;
  }

  /** How long callers that can wait should still leave Stripe alone; 0 when they may call. */
  remainingMs(): number {
    return Math.max(0, this.untilMs - this.clock.now().getTime());
  }
}

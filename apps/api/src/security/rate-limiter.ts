import {
  deleteRateLimitCountersBefore,
  hitRateLimitCounter,
  type Database,
  type Kysely,
} from '@clinicpay/db';
import type { RateLimit } from './security-config.js';

export interface RateDecision {
  allowed: boolean;
  /** Until the window ends, when not allowed. */
  retryAfterSeconds: number;
}

const WEEK_MS = 7 * 86_400_000;

/** The fixed window `now` falls in: every replica computes the same start for the same key. */
export function windowStart(now: Date, windowSeconds: number): Date {
  const size = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / size) * size);
}

export function secondsLeftInWindow(now: Date, windowSeconds: number): number {
  const end = windowStart(now, windowSeconds).getTime() + windowSeconds * 1000;
  return Math.max(1, Math.ceil((end - now.getTime()) / 1000));
}

/**
 * Counts a hit against a limit, in PostgreSQL so every API replica shares the count. Counting
 * comes first and the decision after, so concurrent hits can never all slip under the limit.
 */
export async function consumeRateLimit(
  db: Kysely<Database>,
  key: string,
  limit: RateLimit,
  now: Date,
): Promise<RateDecision> {
  const start = windowStart(now, limit.windowSeconds);
  const count = await hitRateLimitCounter(db, key, start);
  // The first hit of a window now and then sweeps windows nobody will read again.
  if (count === 1 && Math.random() < 0.05)
    await deleteRateLimitCountersBefore(db, new Date(now.getTime() - WEEK_MS));
  return {
    allowed: count <= limit.limit,
    retryAfterSeconds: count <= limit.limit ? 0 : secondsLeftInWindow(now, limit.windowSeconds),
  };
}

/** "3 minutes", "40 seconds": for the sentence people see. */
export function waitPhrase(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

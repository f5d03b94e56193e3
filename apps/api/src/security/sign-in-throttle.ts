import { createHash } from 'node:crypto';
import { clearRateLimitCounter, hitRateLimitCounter, readRateLimitCounters } from '@clinicpay/db';
import { AppError } from '../errors/app-error.js';
import type { AppDeps } from '../deps.js';
import { clientNetwork } from './client-network.js';
import { secondsLeftInWindow, waitPhrase, windowStart } from './rate-limiter.js';

/**
 * Failed sign-ins, counted in PostgreSQL per account and per address. Past either limit, sign-in
 * is refused before the password is even checked, so guessing stops for the rest of the window.
 * The account key is a hash of the email: the counters table names nobody.
 */
type Deps = Pick<AppDeps, 'db' | 'clock' | 'config'>;

const accountKey = (email: string) =>
  `signin-failures:account:${createHash('sha256').update(email.trim().toLowerCase()).digest('base64url')}`;
const addressKey = (ip: string) => `signin-failures:address:${clientNetwork(ip)}`;

type Attempt = { email: string; ip: string };

/** The two counters an attempt counts against, each with its own limit and words for a refusal. */
function countersOf(deps: Deps, attempt: Attempt) {
  const limits = deps.config.security.rateLimits;
  return [
    {
      key: accountKey(attempt.email),
      ...limits.signInFailuresPerAccount,
      whose: 'for this account',
    },
    { key: addressKey(attempt.ip), ...limits.signInFailuresPerAddress, whose: 'from your network' },
  ];
}

export async function assertSignInNotThrottled(deps: Deps, attempt: Attempt): Promise<void> {
  const now = deps.clock.now();
  const counters = countersOf(deps, attempt);
  const counts = await Promise.all(
    counters.map((c) => readRateLimitCounters(deps.db, [c.key], windowStart(now, c.windowSeconds))),
  );
  // In order: when both are over, the account's refusal is the one given.
  counters.forEach((counter, i) => {
    if ((counts[i]?.get(counter.key) ?? 0) < counter.limit) return;
    const seconds = secondsLeftInWindow(now, counter.windowSeconds);
    throw new AppError(
      'rate_limited',
      `Too many failed sign-ins ${counter.whose}. Try again in ${waitPhrase(seconds)}.`,
      { retryAfterSeconds: seconds },
    );
  });
}

export async function recordSignInFailure(deps: Deps, attempt: Attempt): Promise<void> {
  const now = deps.clock.now();
  for (const counter of countersOf(deps, attempt))
    await hitRateLimitCounter(deps.db, counter.key, windowStart(now, counter.windowSeconds));
}

/** A correct password clears the account's failures (the address keeps its count). */
export async function clearSignInFailures(deps: Deps, email: string): Promise<void> {
  await clearRateLimitCounter(deps.db, accountKey(email));
}

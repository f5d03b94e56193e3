import { createHash } from 'node:crypto';
import { clearRateLimitCounter, hitRateLimitCounter, takeBackRateLimitHit } from '@clinicpay/db';
import { AppError } from '../errors/app-error.js';
import type { AppDeps } from '../deps.js';
import { clientNetwork } from './client-network.js';
import { secondsLeftInWindow, waitPhrase, windowStart } from './rate-limiter.js';

/**
 * Failed sign-ins, counted in PostgreSQL per account and per address. Past either limit, sign-in
 * is refused before the password is even checked, so guessing stops for the rest of the window.
 * Every attempt is counted as it starts and forgiven when its password was right.
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

/**
 * Counts a sign-in attempt before its password is checked, one statement per counter, and refuses
 * it when that takes either counter past its limit. Parallel guesses each get their own number, so
 * at most the limit of them reach the password check; reading the count first and recording the
 * failure after let every guess already in flight through.
 */
export async function countSignInAttempt(deps: Deps, attempt: Attempt): Promise<void> {
  const now = deps.clock.now();
  // In order: when both are over, the account's refusal is the one given.
  for (const counter of countersOf(deps, attempt)) {
    const count = await hitRateLimitCounter(
      deps.db,
      counter.key,
      windowStart(now, counter.windowSeconds),
    );
    if (count <= counter.limit) continue;
    const seconds = secondsLeftInWindow(now, counter.windowSeconds);
    throw new AppError(
      'rate_limited',
      `Too many failed sign-ins ${counter.whose}. Try again in ${waitPhrase(seconds)}.`,
      { retryAfterSeconds: seconds },
    );
  }
}

/**
 * A correct password: the attempt was not a failure. The account's failures are cleared and the
 * address gets back the one counted for this attempt (it keeps its count of real failures).
 */
export async function forgiveSignInAttempt(deps: Deps, attempt: Attempt): Promise<void> {
  const [account, address] = countersOf(deps, attempt);
  await clearRateLimitCounter(deps.db, account!.key);
  await takeBackRateLimitHit(
    deps.db,
    address!.key,
    windowStart(deps.clock.now(), address!.windowSeconds),
  );
}

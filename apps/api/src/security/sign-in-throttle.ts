import { createHash } from 'node:crypto';
import { clearRateLimitCounter, hitRateLimitCounter, readRateLimitCounters } from '@clinicpay/db';
import { AppError } from '../errors/app-error.js';
import type { AppDeps } from '../deps.js';
import { secondsLeftInWindow, waitPhrase, windowStart } from './rate-limiter.js';

/**
 * Failed sign-ins, counted in PostgreSQL per account and per address. Past either limit, sign-in
 * is refused before the password is even checked, so guessing stops for the rest of the window.
 * The account key is a hash of the email: the counters table names nobody.
 */
type Deps = Pick<AppDeps, 'db' | 'clock' | 'config'>;

const accountKey = (email: string) =>
  `signin-failures:account:${createHash('sha256').update(email.trim().toLowerCase()).digest('base64url')}`;
const addressKey = (ip: string) => `signin-failures:address:${ip}`;

export async function assertSignInNotThrottled(
  deps: Deps,
  attempt: { email: string; ip: string },
): Promise<void> {
  const now = deps.clock.now();
  const { signInFailuresPerAccount: perAccount, signInFailuresPerAddress: perAddress } =
    deps.config.security.rateLimits;
  const [accountCounts, addressCounts] = await Promise.all([
    readRateLimitCounters(
      deps.db,
      [accountKey(attempt.email)],
      windowStart(now, perAccount.windowSeconds),
    ),
    readRateLimitCounters(
      deps.db,
      [addressKey(attempt.ip)],
      windowStart(now, perAddress.windowSeconds),
    ),
  ]);
  if ((accountCounts.get(accountKey(attempt.email)) ?? 0) >= perAccount.limit) {
    const seconds = secondsLeftInWindow(now, perAccount.windowSeconds);
    throw new AppError(
      'rate_limited',
      `Too many failed sign-ins for this account. Try again in ${waitPhrase(seconds)}.`,
      { retryAfterSeconds: seconds },
    );
  }
  if ((addressCounts.get(addressKey(attempt.ip)) ?? 0) >= perAddress.limit) {
    const seconds = secondsLeftInWindow(now, perAddress.windowSeconds);
    throw new AppError(
      'rate_limited',
      `Too many failed sign-ins from your network. Try again in ${waitPhrase(seconds)}.`,
      { retryAfterSeconds: seconds },
    );
  }
}

export async function recordSignInFailure(
  deps: Deps,
  attempt: { email: string; ip: string },
): Promise<void> {
  const now = deps.clock.now();
  const { signInFailuresPerAccount: perAccount, signInFailuresPerAddress: perAddress } =
    deps.config.security.rateLimits;
  await hitRateLimitCounter(
    deps.db,
    accountKey(attempt.email),
    windowStart(now, perAccount.windowSeconds),
  );
  await hitRateLimitCounter(
    deps.db,
    addressKey(attempt.ip),
    windowStart(now, perAddress.windowSeconds),
  );
}

/** A correct password clears the account's failures (the address keeps its count). */
export async function clearSignInFailures(deps: Deps, email: string): Promise<void> {
  await clearRateLimitCounter(deps.db, accountKey(email));
}

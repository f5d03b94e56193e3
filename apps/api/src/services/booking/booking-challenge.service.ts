import { countBookingsSince, hitRateLimitCounter } from '@clinicpay/db';
import { createChallenge, randomInt, verifySolution, type Payload } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../errors/app-error.js';
import { requireClinicForPatients } from '../clinic/require-clinic.js';

/** Bookings in this window above the clinic's threshold turn the proof of work on by itself. */
export const CHALLENGE_BUSY_WINDOW_MS = 10 * 60_000;
const CHALLENGE_TTL_MS = 10 * 60_000;
const ALGORITHM = 'SHA-256';
/**
 * The solver tries counters from 0 up until the key matches, so the counter chosen here is the
 * work: up to 150,000 SHA-256 rounds, well under a second in a browser's workers and a real cost
 * for a script booking thousands of times.
 */
const WORK = { min: 30_000, max: 150_000 };

interface ClinicGuards {
  booking_challenge_always: boolean;
  booking_challenge_threshold: number;
}

const hmacKey = (deps: AppDeps) => deps.secretBox.signingKey('booking-challenge');

/**
 * Whether a booking must carry a solved challenge: never when configuration switched it off (load
 * runs); always when the clinic turned it on; otherwise while more than the clinic's threshold of
 * bookings arrived in the last ten minutes (a flood is under way).
 */
export async function challengeRequired(deps: AppDeps, clinic: ClinicGuards): Promise<boolean> {
  if (deps.config.security.bookingChallenge === 'off') return false;
  if (clinic.booking_challenge_always) return true;
  const since = new Date(deps.clock.now().getTime() - CHALLENGE_BUSY_WINDOW_MS);
  return (await countBookingsSince(deps.db, since)) > clinic.booking_challenge_threshold;
}

/** A signed challenge for the details step to solve, or null when none is needed now. */
export async function bookingChallenge(deps: AppDeps, clinic: ClinicGuards) {
  if (!(await challengeRequired(deps, clinic))) return null;
  return createChallenge({
    algorithm: ALGORITHM,
    cost: 1,
    counter: randomInt(WORK.max - WORK.min) + WORK.min,
    deriveKey,
    expiresAt: new Date(deps.clock.now().getTime() + CHALLENGE_TTL_MS),
    hmacSignatureSecret: hmacKey(deps),
  });
}

/** What the details step asks for: a challenge to solve, or null. */
export async function offerBookingChallenge(deps: AppDeps) {
  const clinic = await requireClinicForPatients(deps.db);
  return { challenge: await bookingChallenge(deps, clinic) };
}

const RELOAD = 'reload the page and book again';

/**
 * Checks the solved challenge a booking carries when one is required. Each solution books once:
 * its signature is counted in the rate-limit table, and a second use is refused.
 */
export async function assertChallengeSolved(
  deps: AppDeps,
  clinic: ClinicGuards,
  payload: string | undefined,
): Promise<void> {
  if (!(await challengeRequired(deps, clinic))) return;
  if (!payload)
    throw new AppError(
      'challenge_failed',
      `Your browser has not finished the check that protects the calendar from automated bookings. Wait a moment and press Book again, or ${RELOAD}.`,
    );
  const solved = parsePayload(payload);
  const result = solved
    ? await verifySolution({
        challenge: solved.challenge,
        solution: solved.solution,
        deriveKey,
        hmacSignatureSecret: hmacKey(deps),
      }).catch(() => null)
    : null;
  if (!result?.verified) {
    throw new AppError(
      'challenge_failed',
      result?.expired
        ? `The check that protects the calendar expired; ${RELOAD}.`
        : `The check that protects the calendar did not pass; ${RELOAD}.`,
    );
  }
  const used = await hitRateLimitCounter(
    deps.db,
    `challenge:${solved!.challenge.signature}`,
    new Date((solved!.challenge.parameters.expiresAt ?? 0) * 1000),
  );
  if (used > 1)
    throw new AppError('challenge_failed', `This check was already used for a booking; ${RELOAD}.`);
}

/** The widget's payload: base64 of `{ challenge, solution }`. Anything else is not solved. */
function parsePayload(payload: string): Payload | null {
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Payload;
    return parsed?.challenge?.parameters && parsed.solution ? parsed : null;
  } catch {
    return null;
  }
}

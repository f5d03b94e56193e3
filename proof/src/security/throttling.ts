// Sign-in throttling as configured for the run (small limits, short windows): per account, per
// address, and all attempts per address. Each client is its own loopback address (127.0.0.x), so
// the API sees distinct callers without any forwarded header.
import { randomBytes } from 'node:crypto';
import { check, table, type Check } from '../report.js';
import { cloneAdmin, withDatabase } from './database.js';
import { envelope, type Answer, type AnswerLog } from './http-client.js';
import { trpcMutation } from './trpc-calls.js';
import type { SeedCredentials } from '@clinicpay/demo';

export const THROTTLE = { windowSeconds: 15, perAccount: 3, perAddress: 5, attempts: 8 };

/** The environment that sets the limits above. */
export function throttleEnv(): Record<string, string> {
  const w = `${THROTTLE.windowSeconds}s`;
  return {
    SIGN_IN_FAILURES_PER_ACCOUNT: `${THROTTLE.perAccount}/${w}`,
    SIGN_IN_FAILURES_PER_ADDRESS: `${THROTTLE.perAddress}/${w}`,
    SIGN_IN_RATE_LIMIT: `${THROTTLE.attempts}/${w}`,
  };
}

const WRONG = 'not-the-password-1234';
type Outcome = 'signed in' | 'wrong password' | 'throttled' | 'other';

function outcomeOf(answer: Answer): Outcome {
  const code = envelope(answer).error?.data?.code;
  if (answer.status === 200) return 'signed in';
  if (answer.status === 401 && code === 'UNAUTHORIZED') return 'wrong password';
  if (answer.status === 429 && code === 'TOO_MANY_REQUESTS') return 'throttled';
  return 'other';
}

/** Waits until a fresh window has just begun, so a burst of attempts falls in one window. */
async function startOfWindow(): Promise<void> {
  const size = THROTTLE.windowSeconds * 1000;
  await new Promise((r) => setTimeout(r, size - (Date.now() % size) + 100));
}

export async function checkThrottling(options: {
  log: AnswerLog;
  url: string;
  databaseUrl: string;
  admin: SeedCredentials['admin'];
}): Promise<{ checks: Check[]; figures: string[] }> {
  const { log, url, admin } = options;
  const lockedEmail = `locked-${randomBytes(4).toString('hex')}@proof.example`;
  await withDatabase(options.databaseUrl, (db) => cloneAdmin(db, admin.email, lockedEmail));
  const signIn = async (from: string, email: string, password: string) => {
    const answer = await trpcMutation(log, url, 'admin.auth.signIn', { email, password }, { from });
    return { answer, outcome: outcomeOf(answer) };
  };
  const rows: Array<[string, string]> = [];
  const sentences: string[] = [];
  const note = (what: string, outcomes: Outcome[]) => rows.push([what, outcomes.join(', ')]);
  const refusal = (a: Answer) => {
    const message = envelope(a).error?.message ?? '';
    sentences.push(message);
    return message;
  };

  await startOfWindow();
  const started = Date.now();
  // Per account: wrong passwords for one account, then its right password from anywhere.
  const accountTries: Outcome[] = [];
  for (let i = 0; i < THROTTLE.perAccount; i++)
    accountTries.push((await signIn('127.0.0.21', lockedEmail, WRONG)).outcome);
  const accountRight = await signIn('127.0.0.21', lockedEmail, admin.password);
  const accountElsewhere = await signIn('127.0.0.22', lockedEmail, admin.password);
  note(`${THROTTLE.perAccount} wrong passwords for one account (127.0.0.21)`, accountTries);
  note('then its right password, same address and another', [
    accountRight.outcome,
    accountElsewhere.outcome,
  ]);

  // Per address: wrong passwords naming different accounts, then a right one from that address.
  const addressTries: Outcome[] = [];
  for (let i = 0; i < THROTTLE.perAddress; i++)
    addressTries.push((await signIn('127.0.0.23', `nobody-${i}@proof.example`, WRONG)).outcome);
  const addressRight = await signIn('127.0.0.23', admin.email, admin.password);
  const otherAddress = await signIn('127.0.0.24', admin.email, admin.password);
  note(
    `${THROTTLE.perAddress} wrong passwords for ${THROTTLE.perAddress} accounts (127.0.0.23)`,
    addressTries,
  );
  note('then the right password from 127.0.0.23, and from 127.0.0.24', [
    addressRight.outcome,
    otherAddress.outcome,
  ]);

  // All attempts per address, good ones included.
  const rateTries: Outcome[] = [];
  let lastRate: Answer | undefined;
  for (let i = 0; i <= THROTTLE.attempts; i++) {
    const tried = await signIn('127.0.0.25', admin.email, admin.password);
    rateTries.push(tried.outcome);
    lastRate = tried.answer;
  }
  note(`${THROTTLE.attempts + 1} right sign-ins from 127.0.0.25`, rateTries);
  const burstSeconds = (Date.now() - started) / 1000;

  await startOfWindow();
  const accountLater = await signIn('127.0.0.21', lockedEmail, admin.password);
  const addressLater = await signIn('127.0.0.23', admin.email, admin.password);
  note('after the window: the locked account, and from 127.0.0.23', [
    accountLater.outcome,
    addressLater.outcome,
  ]);

  const accountMessage = accountRight.outcome === 'throttled' ? refusal(accountRight.answer) : '';
  const addressMessage = addressRight.outcome === 'throttled' ? refusal(addressRight.answer) : '';
  const rateMessage = lastRate && outcomeOf(lastRate) === 'throttled' ? refusal(lastRate) : '';
  const retryAfter = Number(lastRate?.headers['retry-after'] ?? 0);
  const all = (outcomes: Outcome[], want: Outcome) => outcomes.every((o) => o === want);

  return {
    checks: [
      check(
        `per account: after ${THROTTLE.perAccount} wrong passwords even the right one is refused with 429 and a sentence, from any address, until the window passes`,
        all(accountTries, 'wrong password') &&
          accountRight.outcome === 'throttled' &&
          accountElsewhere.outcome === 'throttled' &&
          /for this account\. Try again in \d+ seconds?\./.test(accountMessage) &&
          accountLater.outcome === 'signed in',
        `${accountTries.join(', ')} → ${accountRight.outcome}, elsewhere ${accountElsewhere.outcome}; later ${accountLater.outcome}; "${accountMessage}"`,
      ),
      check(
        `per address: after ${THROTTLE.perAddress} failures from one address the right password is refused there, not elsewhere, until the window passes`,
        all(addressTries, 'wrong password') &&
          addressRight.outcome === 'throttled' &&
          otherAddress.outcome === 'signed in' &&
          /from your network\. Try again in \d+ seconds?\./.test(addressMessage) &&
          addressLater.outcome === 'signed in',
        `${addressTries.join(', ')} → ${addressRight.outcome}, other address ${otherAddress.outcome}; later ${addressLater.outcome}; "${addressMessage}"`,
      ),
      check(
        `attempts per address: the ${THROTTLE.attempts + 1}th sign-in in a window gets 429 with Retry-After`,
        all(rateTries.slice(0, THROTTLE.attempts), 'signed in') &&
          rateTries.at(-1) === 'throttled' &&
          retryAfter >= 1 &&
          retryAfter <= THROTTLE.windowSeconds &&
          /Please wait \d+ seconds? and try again\./.test(rateMessage),
        `${rateTries.filter((o) => o === 'signed in').length} signed in, then ${rateTries.at(-1)}; Retry-After ${retryAfter}; "${rateMessage}"`,
      ),
    ],
    figures: [
      `Limits for the run: ${THROTTLE.perAccount} failures per account, ${THROTTLE.perAddress} per address, ${THROTTLE.attempts} attempts per address, per ${THROTTLE.windowSeconds} s window; the burst took ${burstSeconds.toFixed(1)} s.`,
      table(['attempts', 'outcomes'], rows),
    ],
  };
}

/**
 * Who may see and pay a session from the browser: whoever holds a known publishable key of the
 * session's mode and the session's client secret, as with Stripe.js. Errors read like Stripe's.
 */
import type { Keyring } from '../keys';
import { maskKey } from '../keys';
import { expireIfDue } from '../payments/expire-session';
import { accountOfSession } from '../ownership';
import { sessionMode } from '../payments/lookup';
import type { EmulatorState, SessionRecord } from '../state';

export class PageAccessError extends Error {
  constructor(
    readonly status: number,
    readonly code:
      'invalid_api_key' | 'secret_key_used' | 'invalid_client_secret' | 'resource_missing',
    message: string,
  ) {
    super(message);
    this.name = 'PageAccessError';
  }
}

export function sessionForPage(
  state: EmulatorState,
  keyring: Keyring,
  publishableKey: string,
  clientSecret: string,
): SessionRecord {
  const key = keyring.resolve(publishableKey);
  if (!key) {
    throw new PageAccessError(
      401,
      'invalid_api_key',
      `Invalid API Key provided: ${maskKey(publishableKey)}`,
    );
  }
  if (key.kind !== 'publishable') {
    throw new PageAccessError(
      401,
      'secret_key_used',
      'You should not use your secret key with Stripe.js. Please pass a publishable key instead.',
    );
  }
  const sessionId = clientSecret.split('_secret_')[0] ?? '';
  const mode = sessionMode(sessionId);
  const record = mode === key.mode ? state.store(mode).sessions.get(sessionId) : undefined;
  // A test key never sees a live session (and the reverse), as at Stripe.
  if (!mode || !record || record.session.client_secret !== clientSecret) {
    throw new PageAccessError(
      404,
      'invalid_client_secret',
      'The client secret provided does not match any Checkout Session for this publishable key. ' +
        'Use the `client_secret` of a Checkout Session created with `ui_mode: embedded_page`.',
    );
  }
  // A publishable key opens only its own account's sessions.
  if (accountOfSession(record) !== key.account) {
    throw new PageAccessError(
      404,
      'resource_missing',
      'The client_secret provided does not match any associated Checkout Session on this ' +
        'account. Ensure the publishable key used belongs to the same account that created the ' +
        'Checkout Session.',
    );
  }
  expireIfDue(state, mode, record);
  return record;
}

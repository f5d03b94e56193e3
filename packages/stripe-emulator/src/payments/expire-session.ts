/**
 * Session expiry, by API call, by control call, or when the clock passes `expires_at`. An
 * unfinished payment intent is canceled with it, so no late charge lands on an expired session.
 */
import { stateError } from '../errors';
import { emitEvent } from '../events';
import type { Mode } from '../keys';
import type { EmulatorState, RequestRef, SessionRecord } from '../state';

export function expireSession(
  state: EmulatorState,
  mode: Mode,
  record: SessionRecord,
  request: RequestRef | null = null,
): void {
  const { session } = record;
  if (session.status !== 'open') {
    throw stateError(
      `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has ` +
        `a status of "${session.status}".`,
    );
  }
  const store = state.store(mode);
  const now = state.clock.now();
  const piId = typeof session.payment_intent === 'string' ? session.payment_intent : null;
  const pi = piId ? store.paymentIntents.get(piId) : undefined;
  if (pi && pi.status !== 'succeeded' && pi.status !== 'canceled') {
    const previous = { status: pi.status, canceled_at: null, cancellation_reason: null };
    pi.status = 'canceled';
    pi.canceled_at = now;
    pi.cancellation_reason = 'abandoned';
    pi.next_action = null;
    store.pendingAuthentications.delete(pi.id);
    emitEvent(state, mode, 'payment_intent.canceled', pi, { previous, request });
  }
  session.status = 'expired';
  store.openSessions.delete(session.id);
  emitEvent(state, mode, 'checkout.session.expired', session, {
    previous: { status: 'open' },
    request,
  });
}

/** Expires every open session whose `expires_at` the clock has reached; returns how many. */
export function expireDueSessions(state: EmulatorState): number {
  const now = state.clock.now();
  let expired = 0;
  for (const mode of ['test', 'live'] as const) {
    const store = state.store(mode);
    for (const id of [...store.openSessions]) {
      const record = store.sessions.get(id);
      if (record && record.session.expires_at <= now) {
        expireSession(state, mode, record);
        expired++;
      }
    }
  }
  return expired;
}

/** Expires one session if it is due (so a read never shows an open session past its expiry). */
export function expireIfDue(state: EmulatorState, mode: Mode, record: SessionRecord): void {
  if (record.session.status === 'open' && record.session.expires_at <= state.clock.now()) {
    expireSession(state, mode, record);
  }
}

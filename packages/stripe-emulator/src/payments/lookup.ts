/** Finding objects by id for the payment flows, with Stripe's 404 when they are not there. */
import { resourceMissing } from '../errors';
import type { Mode } from '../keys';
import type { EmulatorState, ModeStore, SessionRecord } from '../state';

/** The mode a session id belongs to; ids carry it (`cs_test_` / `cs_live_`). */
export function sessionMode(sessionId: string): Mode | null {
  if (sessionId.startsWith('cs_test_')) return 'test';
  if (sessionId.startsWith('cs_live_')) return 'live';
  return null;
}

export function findSession(
  state: EmulatorState,
  sessionId: string,
): { mode: Mode; store: ModeStore; record: SessionRecord } {
  const mode = sessionMode(sessionId);
  const record = mode ? state.store(mode).sessions.get(sessionId) : undefined;
  if (!mode || !record) throw resourceMissing('checkout.session', sessionId, 'session');
  return { mode, store: state.store(mode), record };
}

/** For control calls by id: looks in both modes, since the caller holds no key. */
export function modeHolding(
  state: EmulatorState,
  id: string,
  objectName: string,
  param = 'id',
): Mode {
  const mode = state.modeOf(id);
  if (!mode) throw resourceMissing(objectName, id, param);
  return mode;
}

/**
 * What the emulator's clock sets off besides expiry: the bank's answer to delayed payments and
 * the settling of refunds. Run on every clock move and on the real-time sweep.
 */
import type { EmulatorState } from '../state';
import { settleDuePayments } from './pay-delayed';
import { settleDueRefunds } from './refund-settlement';

export function settleDue(state: EmulatorState): number {
  return settleDuePayments(state) + settleDueRefunds(state);
}

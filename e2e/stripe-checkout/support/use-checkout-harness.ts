// The set-up every checkout browser test file shares: one harness, started before its tests and
// stopped after them.
import { lateBound } from '@clinicpay/testing';
import { afterAll, beforeAll } from 'vitest';
import { startCheckoutHarness, type CheckoutHarness } from './harness.js';

export function useCheckoutHarness(): CheckoutHarness {
  let started: CheckoutHarness | undefined;
  beforeAll(async () => {
    started = await startCheckoutHarness();
  });
  afterAll(async () => {
    await started?.stop();
  });
  return lateBound(() => started, 'The checkout harness');
}

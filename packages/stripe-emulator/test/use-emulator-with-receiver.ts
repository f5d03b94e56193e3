/** The set-up of the files that check webhooks: an emulator and a receiver for the whole file. */
import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { EmulatorOptions, RunningEmulator } from '../src/index';
import { forgetPreviousTest, startWithReceiver, stopWithReceiver, type Receiver } from './helpers';
import { lateBound } from '@clinicpay/testing';

export function useEmulatorWithReceiver(
  options: EmulatorOptions = {},
  { forgetBetweenTests = true } = {},
) {
  let started: Awaited<ReturnType<typeof startWithReceiver>> | undefined;
  beforeAll(async () => {
    started = await startWithReceiver(options);
  });
  afterAll(async () => {
    if (started) await stopWithReceiver(started.emu, started.receiver);
  });
  // Each test sees only its own objects and deliveries.
  if (forgetBetweenTests)
    beforeEach(async () => {
      if (started) await forgetPreviousTest(started.emu, started.receiver);
    });
  return {
    emu: lateBound<RunningEmulator>(() => started?.emu, 'The emulator'),
    stripe: lateBound<Stripe>(() => started?.stripe, 'The Stripe client'),
    receiver: lateBound<Receiver>(() => started?.receiver, 'The webhook receiver'),
  };
}

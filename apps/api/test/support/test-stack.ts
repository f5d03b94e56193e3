// The stack most API test files share: started once before the file's tests, stopped after them.
import { lateBound } from '@clinicpay/testing';
import { afterAll, beforeAll } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing.js';

/** Registers the hooks; what it returns reads the running stack, so tests write `stack.api`. */
export function useTestStack(options?: Parameters<typeof startTestStack>[0]): TestStack {
  let started: TestStack | undefined;
  beforeAll(async () => {
    started = await startTestStack(options);
  });
  afterAll(async () => {
    await started?.stop();
  });
  return lateBound(() => started, 'The test stack');
}

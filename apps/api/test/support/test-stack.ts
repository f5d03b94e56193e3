// The stack most API test files share: started once before the file's tests, stopped after them.
import { afterAll, beforeAll } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing.js';

/**
 * Registers the hooks that start and stop a test stack, and returns it as a stand-in whose fields
 * read the running stack, so test code keeps writing `stack.api` and `stack.stripe`.
 */
export function useTestStack(options?: Parameters<typeof startTestStack>[0]): TestStack {
  let started: TestStack | undefined;
  beforeAll(async () => {
    started = await startTestStack(options);
  });
  afterAll(async () => {
    await started?.stop();
  });
  const running = () => {
    if (!started) throw new Error('The test stack is used before it started');
    return started;
  };
  return {
    get api() {
      return running().api;
    },
    get stripe() {
      return running().stripe;
    },
    advance: (seconds) => running().advance(seconds),
    stop: () => running().stop(),
  };
}

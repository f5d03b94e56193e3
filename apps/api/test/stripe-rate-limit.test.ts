import { describe, expect, it } from 'vitest';
import { useTestStack } from './support/test-stack.js';
import { createTestCaller } from '../src/testing.js';
import { book, freeSlots } from './support/booking.js';
import { sweep } from './support/sweep.js';

// Webhooks off: reconciliation is what asks Stripe here.
const stack = useTestStack({ webhooks: false });

const stripeRequests = () => stack.stripe.control.requests().length;
const limitSessionReads = () =>
  stack.stripe.control.setRateLimit({
    fraction: 1,
    method: 'GET',
    path: '^/v1/checkout/sessions/',
  });

describe('Stripe answering 429', () => {
  it('makes the sweeper wait, longer while Stripe keeps refusing, and carry on after', async () => {
    const slots = await freeSlots(stack.api.runtime);
    await book(stack.api.runtime, { startsAt: slots[0]!.startsAt });
    await book(stack.api.runtime, { startsAt: slots[1]!.startsAt });
    limitSessionReads();
    stack.advance(180); // both due for reconciliation

    const first = await sweep(stack.api.runtime, 120_000);
    expect(first.stripeBackedOff).toBe(true);
    // The batch stopped at the first 429 instead of asking about every payment.
    expect(stack.stripe.control.rateLimit().rateLimited).toBe(1);

    const before = stripeRequests();
    expect((await sweep(stack.api.runtime, 120_000)).stripeBackedOff).toBe(true);
    expect(stripeRequests()).toBe(before);

    stack.advance(6); // past the first wait (5 s): asked again, refused again, waits 10 s now
    await sweep(stack.api.runtime, 120_000);
    expect(stack.stripe.control.rateLimit().rateLimited).toBe(2);
    stack.advance(6);
    await sweep(stack.api.runtime, 120_000);
    expect(stack.stripe.control.rateLimit().rateLimited).toBe(2);

    // Stripe answers again: both payments are checked, nothing lost.
    stack.stripe.control.setRateLimit(null);
    stack.advance(5);
    const after = await sweep(stack.api.runtime, 120_000);
    expect(after.stripeBackedOff).toBe(false);
    const checked = stack.stripe.control
      .requests()
      .filter(
        (r) =>
          r.method === 'GET' && r.status === 200 && r.path.startsWith('/v1/checkout/sessions/'),
      );
    expect(checked.length).toBeGreaterThanOrEqual(2);
  });

  it('has the patient’s page show the stored state and poll our API more slowly', async () => {
    const [slot] = await freeSlots(stack.api.runtime);
    const booking = await book(stack.api.runtime, { startsAt: slot!.startsAt });
    const caller = createTestCaller(stack.api.runtime);
    const read = () =>
      caller.booking.status({ reference: booking.reference, token: booking.token });
    expect((await read()).pollAfterMs).toBeNull();

    limitSessionReads();
    stack.advance(11); // the status page asks Stripe at most every 10 s
    const limited = await read();
    expect(limited).toMatchObject({ status: 'pending_payment', pollAfterMs: 15_000 });
    // The return page always asks Stripe, but not while Stripe is limiting requests.
    const sessionId = stack.stripe.control
      .objects('test')
      .checkoutSessions.find((s) => s.metadata?.booking_reference === booking.reference)!.id;
    const before = stripeRequests();
    const fromReturnPage = await caller.booking.status({ reference: booking.reference, sessionId });
    expect(fromReturnPage.pollAfterMs).toBe(15_000);
    expect(stripeRequests()).toBe(before); // our API, not Stripe
    stack.stripe.control.setRateLimit(null);
  });
});

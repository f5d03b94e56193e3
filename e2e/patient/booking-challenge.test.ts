// The proof of work in a real browser: with the clinic's challenge on, the details step fetches
// the altcha widget and its worker, solves the challenge unseen, and the booking carries the
// solution the API verifies and spends.
import { describe, expect, it } from 'vitest';
import { bookUpToPayment, choosePayment, resultHeading } from './support/booking-page.js';
import { storedBooking } from './support/database.js';
import { usePatientStack } from './support/use-patient-stack.js';

describe('booking with the proof of work on', () => {
  const stack = usePatientStack({ env: { BOOKING_CHALLENGE: 'auto' } });

  it('is solved in the browser without the patient seeing it, and the booking is confirmed', async () => {
    await stack.api.db.updateTable('clinics').set({ booking_challenge_always: true }).execute();
    const p = await stack.openPatient();
    const fetched: string[] = [];
    p.page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await bookUpToPayment(p.page);
    await choosePayment(p.page, 'Pay at clinic');
    await p.page.getByRole('button', { name: 'Confirm booking' }).click();
    await resultHeading(p.page, 'Your appointment is confirmed');
    const reference = /\/booking\/(CP-[0-9A-Z]+)\?token=/.exec(p.page.url())?.[1];
    expect(await storedBooking(stack.api, reference!)).toMatchObject({ status: 'confirmed' });
    // The widget and its worker came from the app's own origin, and the API spent one solution.
    expect(fetched.some((path) => path.includes('altcha'))).toBe(true);
    const spent = await stack.api.db
      .selectFrom('rate_limit_counters')
      .select('count')
      .where('key', 'like', 'challenge:%')
      .execute();
    expect(spent).toEqual([{ count: 1 }]);
    expect(p.errors).toEqual([]);
  });
});

// The proof of work on booking: asked for when the clinic turns it on, and by itself while
// bookings arrive faster than the clinic's threshold; each solution books once.
import { findClinic, updateBookingGuards } from '@clinicpay/db';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { describe, expect, it } from 'vitest';
import { createTestCaller } from '../src/testing.js';
import { consultation, freeSlots } from './support/booking.js';
import { useTestStack } from './support/test-stack.js';

// Test stacks turn the challenge off (load runs); this file is about it, so it is on here.
const stack = useTestStack({ webhooks: false, env: { BOOKING_CHALLENGE: 'auto' } });
const runtime = () => stack.api.runtime;
const caller = () => createTestCaller(runtime());
let slotIndex = 0;
let patientIndex = 0;

async function setGuards(guards: { challengeAlways: boolean; challengeThreshold: number }) {
  const clinic = (await findClinic(stack.api.db))!;
  await updateBookingGuards(
    stack.api.db,
    clinic.id,
    { maxOpenBookingsPerContact: 100, ...guards },
    new Date(),
  );
}

async function solved(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  expect(solution).not.toBeNull();
  const { parameters, signature } = challenge;
  return Buffer.from(JSON.stringify({ challenge: { parameters, signature }, solution })).toString(
    'base64',
  );
}

async function bookWith(challenge?: string) {
  const slot = (await freeSlots(runtime()))[slotIndex++]!;
  const i = patientIndex++;
  return caller().booking.create({
    serviceId: consultation.id,
    doctorId: 'any',
    startsAt: slot.startsAt,
    patient: {
      name: `Patient ${i}`,
      email: `pow${i}@example.com`,
      phone: `+1 212 555 07${10 + i}`,
    },
    paymentMethod: 'pay_at_clinic',
    ...(challenge === undefined ? {} : { challenge }),
  });
}

describe('the proof of work on booking', () => {
  it('is not asked for on a quiet day unless the clinic turns it on', async () => {
    await setGuards({ challengeAlways: false, challengeThreshold: 30 });
    expect((await caller().booking.challenge()).challenge).toBeNull();
    await expect(bookWith()).resolves.toMatchObject({ status: 'confirmed' });
  });

  it('when on: refuses a booking without a solution or with a forged one, accepts a solved one once', async () => {
    await setGuards({ challengeAlways: true, challengeThreshold: 30 });
    const { challenge } = await caller().booking.challenge();
    expect(challenge?.parameters.algorithm).toBe('SHA-256');
    await expect(bookWith()).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^Your browser has not finished the check/),
    });
    const payload = await solved(challenge!);
    // The widget's test mode, and a solution with its counter changed, are not solutions.
    const testMode = Buffer.from(JSON.stringify({ challenge: null, solution: null, test: true }));
    await expect(bookWith(testMode.toString('base64'))).rejects.toThrow(/did not pass/);
    const forged = JSON.parse(Buffer.from(payload, 'base64').toString()) as {
      solution: { counter: number };
    };
    forged.solution.counter += 1;
    await expect(bookWith(Buffer.from(JSON.stringify(forged)).toString('base64'))).rejects.toThrow(
      /did not pass/,
    );

    await expect(bookWith(payload)).resolves.toMatchObject({ status: 'confirmed' });
    await expect(bookWith(payload)).rejects.toThrow(/already used for a booking/);
  });

  it('turns itself on while more bookings than the threshold arrived in the last 10 minutes', async () => {
    await setGuards({ challengeAlways: false, challengeThreshold: 30 });
    expect((await caller().booking.challenge()).challenge).toBeNull();
    // Two bookings arrived above (the quiet one and the solved one): over a threshold of 1.
    await setGuards({ challengeAlways: false, challengeThreshold: 1 });
    expect((await caller().booking.challenge()).challenge).not.toBeNull();
    await expect(bookWith()).rejects.toThrow(/has not finished the check/);
    stack.advance(11 * 60);
    expect((await caller().booking.challenge()).challenge).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  AvailabilityInput,
  BookingStatusInput,
  CreateBookingInput,
  ResumeCheckoutInput,
} from './booking-inputs.js';

const serviceId = '7c1d0000-0000-4000-8000-0000000000a1';
const valid = {
  serviceId,
  doctorId: 'any',
  startsAt: '2026-12-01T14:00:00.000Z',
  patient: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000' },
  paymentMethod: 'stripe',
};

describe('booking inputs', () => {
  it('accepts a complete booking and never carries an amount', () => {
    const parsed = CreateBookingInput.parse({ ...valid, amount: 1 });
    expect(parsed).not.toHaveProperty('amount');
    expect(parsed.patient.email).toBe('ada@example.com');
  });

  it('explains each bad field in a sentence', () => {
    const result = CreateBookingInput.safeParse({
      ...valid,
      patient: { name: 'A', email: 'ada@', phone: 'call me' },
      paymentMethod: 'bitcoin',
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(
      result.error!.issues.map((i) => [i.path.join('.'), i.message]),
    );
    expect(messages).toEqual({
      'patient.name': 'Enter your full name.',
      'patient.email': 'Enter an email address like name@example.com.',
      'patient.phone': 'Enter a phone number with digits, e.g. +1 212 555 0100.',
      paymentMethod: 'Choose how you want to pay.',
    });
  });

  it('bounds availability ranges', () => {
    expect(
      AvailabilityInput.safeParse({ serviceId, from: '2026-12-01', to: '2026-12-07' }).success,
    ).toBe(true);
    expect(
      AvailabilityInput.parse({ serviceId, from: '2026-12-01', to: '2026-12-01' }).doctorId,
    ).toBe('any');
    expect(
      AvailabilityInput.safeParse({ serviceId, from: '2026-12-07', to: '2026-12-01' }).error
        ?.issues[0]?.message,
    ).toBe('The end date must not be before the start date.');
    expect(
      AvailabilityInput.safeParse({ serviceId, from: '2026-12-01', to: '2027-03-01' }).success,
    ).toBe(false);
    expect(
      AvailabilityInput.safeParse({ serviceId, from: '2026-13-01', to: '2026-12-01' }).success,
    ).toBe(false);
  });

  it('needs a token or a session id to read a booking', () => {
    expect(BookingStatusInput.safeParse({ reference: 'CP-7K2M9Q' }).success).toBe(false);
    expect(
      BookingStatusInput.safeParse({ reference: 'CP-7K2M9Q', sessionId: 'cs_test_abcdefghijkl' })
        .success,
    ).toBe(true);
  });

  it('needs the status link’s token, not a session id, to reopen the card form', () => {
    expect(
      ResumeCheckoutInput.safeParse({ reference: 'CP-7K2M9QXD', sessionId: 'cs_test_abcdefghijkl' })
        .success,
    ).toBe(false);
    expect(
      ResumeCheckoutInput.parse({ reference: ' CP-7K2M9QXD ', token: 't'.repeat(32) }),
    ).toEqual({ reference: 'CP-7K2M9QXD', token: 't'.repeat(32) });
  });
});

import { describe, expect, it } from 'vitest';
import { expiryOf } from './mail-kinds.js';
import { retryDelayMs } from './mail-sender.js';
import { cancelCauseOf } from './queue-mail.js';

const at = new Date('2026-12-07T10:00:00Z');
const appointment = {
  startsAt: new Date('2026-12-08T09:00:00Z'),
  endsAt: new Date('2026-12-08T09:30:00Z'),
};

describe('each kind of message has its moment', () => {
  it('a reminder never after the appointment began', () => {
    expect(expiryOf('appointment_reminder', at, appointment)).toEqual(appointment.startsAt);
  });

  it('a confirmation two days on, or when the appointment ends if sooner', () => {
    expect(expiryOf('booking_confirmed', at, appointment)).toEqual(appointment.endsAt);
    const far = {
      startsAt: new Date('2027-01-10T09:00:00Z'),
      endsAt: new Date('2027-01-10T09:30:00Z'),
    };
    expect(expiryOf('booking_confirmed', at, far)).toEqual(new Date('2026-12-09T10:00:00Z'));
  });

  it('a refund notice a week on, whatever the appointment', () => {
    expect(expiryOf('refund_sent', at, appointment)).toEqual(new Date('2026-12-14T10:00:00Z'));
  });
});

describe('retries back off', () => {
  it('doubles from the first wait, up to half an hour', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 30_000))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(retryDelayMs(12, 30_000)).toBe(30 * 60_000);
  });
});

describe('a cancellation says why', () => {
  it('maps the stored reasons to what the patient is told', () => {
    expect(cancelCauseOf('cancelled_by_patient')).toBe('patient');
    expect(cancelCauseOf('payment_failed')).toBe('payment_failed');
    expect(cancelCauseOf('checkout_expired')).toBe('hold_lapsed');
    expect(cancelCauseOf('payment_not_settled')).toBe('hold_lapsed');
    expect(cancelCauseOf('cancelled_by_clinic')).toBe('clinic');
  });
});
